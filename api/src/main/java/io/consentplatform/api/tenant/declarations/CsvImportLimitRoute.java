package io.consentplatform.api.tenant.declarations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.problem.Problem;
import io.consentplatform.api.problem.RouteProblems;
import io.consentplatform.core.net.KeyedPath;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;

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
    long declared =
        RouteProblems.declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
    if (declared > limit.maxBytes()) {
      RouteProblems.afterTheBody(context, declared, DRAIN_LIMIT, () -> refuse(context));
      return;
    }
    context.next();
  }

  private Future<Void> refuse(RoutingContext context) {
    return RouteProblems.send(
        context, json, Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, limit.refusal()));
  }
}
