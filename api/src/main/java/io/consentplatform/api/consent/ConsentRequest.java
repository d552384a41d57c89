package io.consentplatform.api.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.consentplatform.api.abuse.StrictJson;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentIds;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.region.Region;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A visitor's decision as the banner (or a tenant's own integration) posts it. It is read and
 * checked here, once; what depends on the policy version (categories, offered languages) is checked
 * by {@code ConsentService}.
 *
 * @param visitorId the id the API gave on an earlier decision; absent on the first one
 * @param visitorToken the token the API gave with that earlier decision; required with visitorId
 * @param policyVersion the number of the version the visitor was shown
 * @param action {@code accept_all}, {@code reject_all}, {@code custom} or {@code withdraw}
 * @param choices granted (true) or refused (false) per category key; required for custom
 * @param lang the language the banner was shown in
 * @param method {@code banner}, {@code settings}, {@code signal} (the banner applied Global Privacy
 *     Control by itself) or {@code api}; {@code api} whatever is sent when the request comes from
 *     no browser page (no {@code Origin} header)
 * @param gpc whether the browser reported a Global Privacy Control signal
 */
public record ConsentRequest(
    String visitorId,
    String visitorToken,
    Integer policyVersion,
    String action,
    Map<String, Boolean> choices,
    String lang,
    String method,
    Boolean gpc) {

  private static final ObjectReader READER =
      StrictJson.readerFor(ConsentRequest.class, StrictJson.PUBLIC_BODY);
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  /**
   * The request a stream holds, read no further than one byte past {@code maxBytes}, so that a body
   * sent without its length (chunked) costs no more memory than a refused one.
   */
  static ConsentRequest read(InputStream sent, int maxBytes) {
    try {
      return read(sent == null ? new byte[0] : sent.readNBytes(maxBytes + 1), maxBytes);
    } catch (IOException e) {
      throw new BadRequestException("The body could not be read");
    }
  }

  /**
   * The request a body holds.
   *
   * @param body as read, at most one byte past {@code maxBytes}
   * @throws WebApplicationException 413 over {@code maxBytes}, 400 for anything but a strict JSON
   *     object of this record's fields
   */
  static ConsentRequest read(byte[] body, int maxBytes) {
    if (body.length > maxBytes) {
      throw new WebApplicationException(
          "The body is larger than " + maxBytes + " bytes", Status.REQUEST_ENTITY_TOO_LARGE);
    }
    try {
      ConsentRequest request = READER.readValue(body);
      if (request == null) {
        throw new BadRequestException("The body must be a JSON object");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new BadRequestException(
          "The body is not a valid consent request: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequestException("The body could not be read");
    }
  }

  /**
   * The decision this request states, with what the request's headers add.
   *
   * @param gpcHeader whether the browser sent {@code Sec-GPC: 1}
   * @param fromPage whether the request carried an {@code Origin} header, as browsers' requests
   *     from a page do
   * @param region where the platform places the visitor (never what the body says); null when
   *     unknown
   * @throws Rejected naming the first field that is missing or malformed
   */
  Decision decision(
      boolean gpcHeader, boolean fromPage, String userAgent, String clientAddress, Region region) {
    ConsentMethod sent = ConsentMethod.fromWire(method);
    return new Decision(
        visitor(),
        version(),
        ConsentAction.fromWire(action),
        choices,
        language(),
        // Only a page's banner or settings can have shown the choice: a server or a script outside
        // a browser says "banner" at no cost, and the record must say how the decision arrived.
        fromPage ? sent : ConsentMethod.API,
        Boolean.TRUE.equals(gpc) || gpcHeader,
        userAgent,
        clientAddress,
        visitorToken,
        region);
  }

  private UUID visitor() {
    if (visitorId == null) {
      return null;
    }
    return ConsentIds.parse(visitorId)
        .orElseThrow(() -> new Rejected("visitorId", "visitorId must be a UUID given by this API"));
  }

  private int version() {
    if (policyVersion == null) {
      throw new Rejected("policyVersion", "policyVersion is required");
    }
    return policyVersion;
  }

  private String language() {
    if (lang != null && !LANGUAGE.matcher(lang).matches()) {
      throw new Rejected("lang", "lang must be a language code such as en or fr");
    }
    return lang;
  }
}
