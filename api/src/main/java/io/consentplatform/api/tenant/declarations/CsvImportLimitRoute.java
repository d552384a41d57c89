package io.consentplatform.api.tenant.declarations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.problem.Problem;
import io.consentplatform.core.net.KeyedPath;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import java.io.UncheckedIOException;

/**
 * Refuses a CSV import whose declared length is over {@link CsvImportLimit} with a problem, before
 * any of its body is kept: the import's limit is lower than the platform's, which Quarkus checks
 * for every request.
 */
@ApplicationScoped
class CsvImportLimitRoute {

  // Before the platform-wide check of the declared length (BodyLimitRoute, -1 001; Quarkus, -2).
  private static final int ORDER = -1_002;

  // Reading and dropping this much costs little; a larger body is cut off.
  private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  private final CsvImportLimit limit;
  private final ObjectMapper json;

  CsvImportLimitRoute(CsvImportLimit limit, ObjectMapper json) {
    this.limit = limit;
    this.json = json;
  }

  private static final KeyedPath PATH = new KeyedPath("/v1/tenant/sites/", "/cookies/csv");

  void install(@Observes Router router) {
    router.post("/v1/tenant/sites/*").order(ORDER).handler(this::checkDeclaredLength);
  }

  private void checkDeclaredLength(RoutingContext context) {
    if (PATH.key(context.normalizedPath()) == null) {
      context.next();
      return;
    }
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long declared = length == null ? -1 : declaredBytes(length);
    if (declared > limit.maxBytes()) {
      afterTheBody(context, declared);
      return;
    }
    context.next();
  }

  /**
   * Answers once the body has arrived and been dropped, so that a client that sends all of it
   * before reading the answer (most HTTP libraries) gets the answer, not a reset connection; a body
   * past {@link #DRAIN_LIMIT} is not worth reading and its connection is closed.
   */
  private void afterTheBody(RoutingContext context, long declared) {
    HttpServerRequest request = context.request();
    if (declared > DRAIN_LIMIT || request.isEnded()) {
      context.response().putHeader(HttpHeaders.CONNECTION, "close");
      refuse(context);
      return;
    }
    request.handler(chunk -> {});
    request.exceptionHandler(e -> request.connection().close());
    request.endHandler(end -> refuse(context));
    request.resume();
  }

  private void refuse(RoutingContext context) {
    Problem problem = Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, limit.refusal());
    byte[] body;
    try {
      body = json.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    context
        .response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(Buffer.buffer(body));
  }

  private static long declaredBytes(String length) {
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1; // Quarkus refuses a malformed length itself
    }
  }
}
