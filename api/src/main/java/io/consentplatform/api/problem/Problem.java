package io.consentplatform.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * An RFC 9457 problem detail: what every error answer of the API carries.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title the status' short, fixed description
 * @param status the HTTP status code
 * @param detail what went wrong with this request, for a person to read
 * @param errors for validation problems, each field at fault and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA_TYPE_JSON = MediaType.valueOf(MEDIA_TYPE);

  /** Jakarta REST names no constant for it; RFC 9110 calls it "Unprocessable Content". */
  public static final int UNPROCESSABLE_CONTENT = 422;

  /** One field that failed validation. */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String detail) {
    return new Problem("about:blank", title(status), status, detail, List.of());
  }

  public static Problem of(Status status, String detail) {
    return of(status.getStatusCode(), detail);
  }

  public static Problem invalid(String detail, List<FieldError> errors) {
    return new Problem(
        "about:blank", title(UNPROCESSABLE_CONTENT), UNPROCESSABLE_CONTENT, detail, errors);
  }

  private static String title(int status) {
    if (status == UNPROCESSABLE_CONTENT) {
      return "Unprocessable Content";
    }
    Status known = Status.fromStatusCode(status);
    return known != null ? known.getReasonPhrase() : "HTTP " + status;
  }
}
