package io.consentplatform.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
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
                RouteProblems.afterTheBody(context, -1, DRAIN_LIMIT, () -> refuse(context));
              } else {
                context.next();
              }
            });
  }

  private void checkDeclaredLength(RoutingContext context) {
    long declared =
        RouteProblems.declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
    if (declared > maxBytes) {
      RouteProblems.afterTheBody(context, declared, DRAIN_LIMIT, () -> refuse(context));
      return;
    }
    context.next();
  }

  private Future<Void> refuse(RoutingContext context) {
    return RouteProblems.send(
        context,
        json,
        Problem.of(
            Status.REQUEST_ENTITY_TOO_LARGE,
            "The body is larger than "
                + maxBytes
                + " bytes, the platform's limit for one request; split the file into smaller ones"));
  }
}
