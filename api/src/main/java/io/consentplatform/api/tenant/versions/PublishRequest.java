package io.consentplatform.api.tenant.versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a tenant may say when publishing.
 *
 * @param forceReconsent ask every visitor again even though only texts or removals changed, for
 *     example when new wording announces a new use of a cookie
 */
public record PublishRequest(
    @Schema(
            description =
                "Ask every visitor again even though nothing material changed (texts,"
                    + " translations, removals); a material change asks again anyway")
        boolean forceReconsent) {

  /**
   * The request a body holds; an empty body, as scripts written before this field send, asks for
   * nothing. Read here rather than by the REST layer, which refuses a POST without a content type.
   *
   * @throws BadRequestException for a body that is not such a JSON object
   */
  static PublishRequest read(byte[] body, ObjectMapper json) {
    if (body == null || body.length == 0) {
      return new PublishRequest(false);
    }
    try {
      PublishRequest request = json.readValue(body, PublishRequest.class);
      if (request == null) {
        throw new BadRequestException("The body must be a JSON object");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new BadRequestException(
          "The body is not a valid publish request: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequestException("The body could not be read");
    }
  }
}
