package io.consentplatform.api.banner;

import io.consentplatform.api.ApiConfig;
import io.consentplatform.api.web.PublicHeaders;
import io.consentplatform.core.metrics.PlatformMetrics;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.policy.PublishedPolicy;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * The hottest path of the platform, every page view of every site: the banner configuration of a
 * site already in memory, answered by a plain Vert.x route on the I/O thread, before the REST
 * layer. Anything else (a site not in memory yet, an unknown site) falls through to {@link
 * BannerResource}, which answers exactly the same way.
 */
@ApplicationScoped
public class BannerRoute {

  // Ahead of Quarkus' HTTP filters (a filter's route order is minus its priority): a public,
  // read-only answer from memory needs no authentication, and with metrics on, the REST layer's
  // filter (priority 199) maps every request's path to a resource template, which cost this route
  // a fifth of its throughput (measured with bench/).
  private static final int ORDER = -1_000;

  private static final CharSequence JSON =
      HttpHeaders.createOptimized("application/json;charset=UTF-8");
  private static final CharSequence ANY = HttpHeaders.createOptimized("*");
  private static final CharSequence ACCEPT_LANGUAGE =
      HttpHeaders.createOptimized("Accept-Language");

  private final CurrentPolicies current;
  private final BannerDocuments documents;
  private final PlatformMetrics metrics;
  private final CharSequence caching;

  public BannerRoute(
      CurrentPolicies current,
      BannerDocuments documents,
      PlatformMetrics metrics,
      ApiConfig config) {
    this.metrics = metrics;
    this.current = current;
    this.documents = documents;
    this.caching = HttpHeaders.createOptimized(BannerResource.caching(config));
  }

  void install(@Observes Router router) {
    router.get("/v1/sites/:siteKey/banner").order(ORDER).handler(this::serve);
  }

  private void serve(RoutingContext context) {
    Optional<PublishedPolicy> known = current.known(context.pathParam("siteKey"));
    if (known == null || known.isEmpty()) {
      context.next();
      return;
    }
    List<String> asked = context.queryParam("lang");
    MultiMap request = context.request().headers();
    BannerDocuments.Answer chosen =
        documents.answer(
            known.get(),
            asked.isEmpty() ? null : asked.get(0),
            request.get(HttpHeaders.ACCEPT_LANGUAGE),
            request.get(HttpHeaders.IF_NONE_MATCH));
    metrics.bannerServed();
    HttpServerResponse response = context.response();
    MultiMap headers = response.headers();
    headers
        .add(HttpHeaders.ETAG, chosen.document().etag())
        .add(HttpHeaders.CACHE_CONTROL, caching)
        .add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ANY);
    PublicHeaders.addTo(headers, false);
    if (chosen.variesByBrowser()) {
      headers.add(HttpHeaders.VARY, ACCEPT_LANGUAGE);
    }
    if (chosen.notModified()) {
      response.setStatusCode(304).end();
      return;
    }
    headers.add(HttpHeaders.CONTENT_TYPE, JSON);
    response.end(chosen.document().buffer());
  }
}
