package io.consentplatform.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import java.util.Locale;

/**
 * Keeps the back office's CSRF check off the API. quarkus-rest-csrf, which the back office brings
 * into the assembled platform, checks each form-typed request that reaches any REST resource and
 * cannot be limited to some paths (quarkus#53715): a tenant API call sent with a form's media type,
 * as {@code curl -d ''} and many HTTP libraries send a body-less POST, was refused with a bare 400
 * that names nothing. Only the back office holds cookie sessions, so only its forms need the check;
 * the tenant and visitor APIs authenticate with headers a forged cross-site form cannot send, and
 * take JSON, CSV or nothing.
 *
 * <p>Under {@code /v1}, a form-typed request without a body loses the empty media type, so it is
 * answered as the body-less request it is; one with a body is refused with 415 and a problem, as
 * the REST layer refuses any media type an address does not take.
 */
@ApplicationScoped
public class CsrfOutsideTheBackOffice {

  // Before the REST layer reads the request, and before the body limits (BodyLimitRoute, -1 001).
  private static final int ORDER = -1_900;

  // A form is refused whatever it holds: reading and dropping a small one lets its client read the
  // answer; a larger one is cut off.
  private static final long DRAIN_LIMIT = 64L * 1024;

  private final ObjectMapper json;

  public CsrfOutsideTheBackOffice(ObjectMapper json) {
    this.json = json;
  }

  void install(@Observes Router router) {
    router.route("/v1/*").order(ORDER).handler(this::screen);
  }

  private void screen(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (isSafe(request.method()) || !isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
      context.next();
      return;
    }
    long declared = RouteProblems.declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
    if (declared == 0
        || (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null)) {
      request.headers().remove(HttpHeaders.CONTENT_TYPE);
      context.next();
    } else {
      RouteProblems.afterTheBody(context, declared, DRAIN_LIMIT, () -> refuse(context));
    }
  }

  private Future<Void> refuse(RoutingContext context) {
    return RouteProblems.send(
        context,
        json,
        Problem.of(
            Status.UNSUPPORTED_MEDIA_TYPE,
            "Only the back office takes forms: send JSON (Content-Type: application/json), or no"
                + " body"));
  }

  private static boolean isSafe(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
  }

  /** The two media types quarkus-rest-csrf checks. */
  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT).strip();
    return type.startsWith("application/x-www-form-urlencoded")
        || type.startsWith("multipart/form-data");
  }
}
