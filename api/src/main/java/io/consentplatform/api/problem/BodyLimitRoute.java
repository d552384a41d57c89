package io.consentplatform.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request body over {@code quarkus.http.limits.max-body-size} with a problem, as every
 * other error of the API. Quarkus itself refuses such a body with a bare 413 before any resource or
 * exception mapper runs, so this route comes first, on the API's paths only (the back office
 * answers its own way).
 */
@ApplicationScoped
public class BodyLimitRoute {

  // Before Quarkus' own check of the declared length (route order -2).
  private static final int ORDER = -1_001;

  // Reading and dropping this much costs little; a larger body is cut off.
  private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  private final long maxBytes;
  private final ObjectMapper json;

  public BodyLimitRoute(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize maxBodySize,
      ObjectMapper json) {
    this.maxBytes = maxBodySize.asLongValue();
    this.json = json;
  }

  void install(@Observes Router router) {
    router.route("/v1/*").order(ORDER).handler(this::checkDeclaredLength);
    // A body sent without its length is only found too large while it is read.
    router
        .route("/v1/*")
        .order(ORDER)
        .failureHandler(
            context -> {
              if (context.statusCode() == Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()
                  && !context.response().headWritten()) {
                afterTheBody(context, -1, () -> refuse(context));
              } else {
                context.next();
              }
            });
  }

  private void checkDeclaredLength(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long declared = length == null ? -1 : declaredBytes(length);
    if (declared > maxBytes) {
      afterTheBody(context, declared, () -> refuse(context));
      return;
    }
    context.next();
  }

  private void refuse(RoutingContext context) {
    Problem problem =
        Problem.of(
            Status.REQUEST_ENTITY_TOO_LARGE,
            "The body is larger than "
                + maxBytes
                + " bytes, the platform's limit for one request; split the file into smaller ones");
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

  /**
   * Answers once the body has arrived, read and dropped, so that a client that sends all of it
   * before it reads the answer (most HTTP libraries) gets the answer, not a reset connection. A
   * body beyond {@link #DRAIN_LIMIT} is not worth reading: the connection is closed, at once when
   * its declared length says so.
   */
  private static void afterTheBody(RoutingContext context, long declared, Runnable answer) {
    HttpServerRequest request = context.request();
    if (declared > DRAIN_LIMIT || request.isEnded()) {
      context.response().putHeader(HttpHeaders.CONNECTION, "close");
      answer.run();
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
    request.endHandler(end -> answer.run());
    request.resume();
  }

  private static long declaredBytes(String length) {
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1; // Quarkus refuses a malformed length itself
    }
  }
}
