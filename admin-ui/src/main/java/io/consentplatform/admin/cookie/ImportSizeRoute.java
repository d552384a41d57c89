package io.consentplatform.admin.cookie;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.net.KeyedPath;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import java.util.function.Supplier;

/**
 * Sends a CSV file over {@code consent.csv-import.max-bytes} back to the import page, which says
 * so, before the body is read: otherwise the file would be received whole, and a body over {@code
 * quarkus.http.limits.max-body-size} would get Quarkus' bare 413, which the browser shows as an
 * error page of its own.
 */
@ApplicationScoped
public class ImportSizeRoute {

  // Before Quarkus' own check of the declared length (route order -2).
  private static final int ORDER = -1_001;

  /** The query parameter with which the upload page says the file was too large. */
  static final String TOO_LARGE = "tooLarge";

  // Reading and dropping this much costs little; a larger body is cut off.
  private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  // The form's other fields and the multipart framing around the file.
  private static final long FORM_OVERHEAD = 16L * 1024;

  private static final KeyedPath PATH = new KeyedPath("/admin/sites/", "/cookies/import");

  private final long maxBytes;

  public ImportSizeRoute(CoreConfig config) {
    this.maxBytes = config.csvImport().maxBytes().asLongValue() + FORM_OVERHEAD;
  }

  void install(@Observes Router router) {
    router.post("/admin/sites/*").order(ORDER).handler(this::checkDeclaredLength);
    router
        .post("/admin/sites/*")
        .order(ORDER)
        .failureHandler(
            context -> {
              if (context.statusCode() == Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()
                  && !context.response().headWritten()
                  && PATH.key(context.normalizedPath()) != null) {
                afterTheBody(context, -1, () -> backToTheForm(context));
              } else {
                context.next();
              }
            });
  }

  private void checkDeclaredLength(RoutingContext context) {
    if (PATH.key(context.normalizedPath()) == null) {
      context.next();
      return;
    }
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long declared = length == null ? -1 : declaredBytes(length);
    if (declared > maxBytes) {
      afterTheBody(context, declared, () -> backToTheForm(context));
      return;
    }
    context.next();
  }

  // A redirection, not a page: the page needs the signed-in person and the request's language,
  // which only the REST layer has; nothing of the file is kept.
  private static Future<Void> backToTheForm(RoutingContext context) {
    return context
        .response()
        .setStatusCode(Status.SEE_OTHER.getStatusCode())
        .putHeader(HttpHeaders.LOCATION, context.request().path() + "?" + TOO_LARGE + "=1")
        .end();
  }

  /**
   * Answers once the body has arrived, read and dropped, so that a client that sends all of it
   * before it reads the answer (most HTTP libraries) gets the answer, not a reset connection. A
   * body beyond {@link #DRAIN_LIMIT} is not worth reading: the connection is closed, at once when
   * its declared length says so.
   */
  private static void afterTheBody(
      RoutingContext context, long declared, Supplier<Future<Void>> answer) {
    HttpServerRequest request = context.request();
    if (request.version() == HttpVersion.HTTP_2) {
      // HTTP/2 forbids a Connection header, and its connection carries the browser's other
      // requests: the answer goes at once, and only this request's stream is reset after it.
      request.handler(chunk -> {});
      request.resume();
      answer
          .get()
          .onComplete(
              written -> {
                if (!request.isEnded()) {
                  context.response().reset(0); // NO_ERROR: stop sending (RFC 9113, section 8.1)
                }
              });
      return;
    }
    if (declared > DRAIN_LIMIT || request.isEnded()) {
      context.response().putHeader(HttpHeaders.CONNECTION, "close");
      answer.get();
      return;
    }
    long[] read = {0};
    request.handler(
        chunk -> {
          read[0] += chunk.length();
          if (read[0] > DRAIN_LIMIT) {
            request.connection().close();
          }
        });
    request.exceptionHandler(e -> request.connection().close());
    request.endHandler(end -> answer.get());
    request.resume();
  }

  private static long declaredBytes(String length) {
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
