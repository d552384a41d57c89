package io.consentplatform.api.abuse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.ApiConfig;
import io.consentplatform.api.problem.Problem;
import io.consentplatform.api.problem.RouteProblems;
import io.consentplatform.core.net.KeyedPath;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;

/**
 * The door of the public POSTs (a visitor's decision, the banner's impression beacon), checked
 * before a byte of their body is read: the client's rate limit, then the declared length. Without
 * it the REST layer would read up to the platform's global body limit (10 MB) of anyone's request
 * before the resource could refuse it, and some forty such requests at once fill a small pod's
 * heap. A body sent without a length is read no further than its limit by whoever answers the
 * decision ({@code ConsentRoute} on the I/O thread, or the consent resource through a bounded
 * stream).
 */
@ApplicationScoped
public class PublicPostRoute {

  // Before BodyLimitRoute (-1001), which lets through anything under the global limit.
  private static final int ORDER = -1_002;

  /** The beacon carries nothing; a little room for a client that sends a few bytes anyway. */
  static final int MAX_BEACON_BYTES = 1024;

  private final PublicLimits limits;
  private final ObjectMapper json;
  private final int maxConsentBytes;

  public PublicPostRoute(PublicLimits limits, ObjectMapper json, ApiConfig config) {
    this.limits = limits;
    this.json = json;
    this.maxConsentBytes = config.maxConsentBodyBytes();
  }

  private static final KeyedPath CONSENTS = new KeyedPath("/v1/sites/", "/consents");
  private static final KeyedPath IMPRESSIONS = new KeyedPath("/v1/sites/", "/impressions");

  void install(@Observes Router router) {
    router.post("/v1/sites/*").order(ORDER).handler(this::check);
  }

  private void check(RoutingContext context) {
    String path = context.normalizedPath();
    String siteKey = CONSENTS.key(path);
    if (siteKey != null) {
      check(context, siteKey, maxConsentBytes);
      return;
    }
    siteKey = IMPRESSIONS.key(path);
    if (siteKey != null) {
      check(context, siteKey + "/impressions", MAX_BEACON_BYTES);
      return;
    }
    context.next();
  }

  private void check(RoutingContext context, String bucket, int maxBytes) {
    long declared =
        RouteProblems.declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
    try {
      limits.post(bucket, context.request());
    } catch (TooManyRequests e) {
      // Each request counts, even one refused for its body: flooding with junk costs too.
      RouteProblems.answerAndDrop(
          context,
          declared,
          maxBytes,
          () ->
              RouteProblems.send(
                  context,
                  json,
                  Problem.of(Status.TOO_MANY_REQUESTS, e.getMessage()),
                  "Retry-After",
                  String.valueOf(e.retryAfterSeconds())));
      return;
    }
    if (declared > maxBytes) {
      tooLarge(context, json, declared, maxBytes);
      return;
    }
    context.next();
  }

  /** Answers 413 once the body has arrived, or at once when it is declared beyond any reason. */
  public static void tooLarge(
      RoutingContext context, ObjectMapper json, long declared, int maxBytes) {
    RouteProblems.afterTheBody(
        context,
        declared,
        0,
        () ->
            RouteProblems.send(
                context,
                json,
                Problem.of(
                    Status.REQUEST_ENTITY_TOO_LARGE,
                    "The body is larger than " + maxBytes + " bytes")));
  }
}
