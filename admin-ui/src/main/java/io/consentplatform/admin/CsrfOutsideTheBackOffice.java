package io.consentplatform.admin;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Keeps the back office's CSRF check off every other address. quarkus-rest-csrf checks each
 * form-typed request that reaches any REST resource, and cannot be limited to some paths
 * (quarkus#53715): a tenant API call sent with a form's media type, as {@code curl -d ''} and many
 * HTTP libraries send a body-less POST, was refused with a bare 400 that names nothing. Only the
 * back office holds cookie sessions, so only its forms need the check; the tenant and visitor APIs
 * authenticate with headers a forged cross-site form cannot send, and take JSON, CSV or nothing.
 *
 * <p>Outside {@code /admin}, a form-typed request without a body loses the empty media type, so it
 * is answered as the body-less request it is; one with a body is refused with 415 and a problem
 * document, as the REST layer refuses any media type an address does not take.
 */
@ApplicationScoped
public class CsrfOutsideTheBackOffice {

  // Before the REST layer reads the request, after BackOfficeCsrfCookie and SignedCsrfCookie.
  private static final int ORDER = -1_900;

  void install(@Observes Router router) {
    router.route("/v1/*").order(ORDER).handler(this::screen);
  }

  private void screen(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (isSafe(request.method()) || !isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
      context.next();
      return;
    }
    if (hasNoBody(request)) {
      request.headers().remove(HttpHeaders.CONTENT_TYPE);
      context.next();
    } else {
      refuse(context);
    }
  }

  private static void refuse(RoutingContext context) {
    HttpServerRequest request = context.request();
    boolean bodyStillComing = !request.isEnded();
    var response = context.response();
    if (bodyStillComing && request.version() != HttpVersion.HTTP_2) {
      // The form is not read: over HTTP/1.x the connection cannot carry another request after it.
      response.putHeader(HttpHeaders.CONNECTION, "close");
      response.endHandler(end -> request.connection().close());
    }
    String problem =
        new JsonObject()
            .put("type", "about:blank")
            .put("title", "Unsupported Media Type")
            .put("status", 415)
            .put(
                "detail",
                "Only the back office takes forms: send JSON (Content-Type: application/json),"
                    + " or no body")
            .encode();
    response
        .setStatusCode(415)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
        .end(problem)
        .onComplete(
            written -> {
              if (bodyStillComing && request.version() == HttpVersion.HTTP_2) {
                response.reset(0); // NO_ERROR: stop sending, without an error (RFC 9113, 8.1)
              }
            });
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

  private static boolean hasNoBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null
        && (length == null || length.strip().equals("0"));
  }
}
