package io.consentplatform.api.banner;

import io.consentplatform.api.region.VisitorRegion;
import io.consentplatform.api.web.PublicHeaders;
import io.consentplatform.core.metrics.PlatformMetrics;
import io.consentplatform.core.net.KeyedPath;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.site.DeclaredDomains;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Optional;

/**
 * The hottest path of the platform, every page view of every site: the banner configuration of a
 * site already in memory (its version and its domains), answered by a plain Vert.x route on the I/O
 * thread, before the REST layer. Anything else (a site not in memory yet, an unknown site) falls
 * through to {@link BannerResource}, which answers exactly the same way.
 */
@ApplicationScoped
public class BannerRoute {

  // Ahead of Quarkus' HTTP filters (a filter's route order is minus its priority): a public,
  // read-only answer from memory needs no authentication, and with metrics on, the REST layer's
  // filter (priority 199) maps every request's path to a resource template, which cost this route
  // a fifth of its throughput (measured with bench/).
  private static final int ORDER = -1_000;

  private final CurrentPolicies current;
  private final BannerDocuments documents;
  private final BannerHeaders headers;
  private final PlatformMetrics metrics;
  private final DeclaredDomains domains;
  private final VisitorRegion regions;

  public BannerRoute(
      CurrentPolicies current,
      BannerDocuments documents,
      BannerHeaders headers,
      PlatformMetrics metrics,
      DeclaredDomains domains,
      VisitorRegion regions) {
    this.regions = regions;
    this.metrics = metrics;
    this.domains = domains;
    this.current = current;
    this.documents = documents;
    this.headers = headers;
  }

  private static final KeyedPath PATH = new KeyedPath("/v1/sites/", "/banner");

  void install(@Observes Router router) {
    router.get("/v1/sites/*").order(ORDER).handler(this::serve);
  }

  private void serve(RoutingContext context) {
    String siteKey = PATH.key(context.normalizedPath());
    if (siteKey == null) {
      context.next();
      return;
    }
    Optional<PublishedPolicy> known = current.known(siteKey);
    Optional<List<String>> knownDomains = domains.known(siteKey);
    List<String> region = context.queryParam("region");
    String regionParam = region.isEmpty() ? null : region.get(0);
    // A malformed region is refused by the REST layer, where every problem is written.
    if (known.isEmpty() || knownDomains.isEmpty() || !AskedRegion.readable(regionParam)) {
      context.next();
      return;
    }
    List<String> asked = context.queryParam("lang");
    MultiMap request = context.request().headers();
    BannerDocuments.Answer chosen =
        documents.answer(
            known.get(),
            knownDomains.get(),
            request.get(HttpHeaders.ORIGIN),
            asked.isEmpty() ? null : asked.get(0),
            request.get(HttpHeaders.ACCEPT_LANGUAGE),
            request.get(HttpHeaders.IF_NONE_MATCH),
            AskedRegion.of(regionParam, () -> regions.of(context.request())));
    metrics.bannerServed();
    HttpServerResponse response = context.response();
    MultiMap answer = response.headers();
    Status status = headers.write(chosen, answer::add);
    PublicHeaders.addTo(answer, false);
    response.setStatusCode(status.getStatusCode());
    if (status == Status.NOT_MODIFIED) {
      response.end();
    } else {
      response.end(chosen.document().buffer());
    }
  }
}
