package io.consentplatform.api.region;

import io.consentplatform.core.region.Region;
import io.consentplatform.core.region.RegionResolver;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The region of the visitor behind a request, as {@link RegionResolver} tells it. */
@ApplicationScoped
public class VisitorRegion {

  private final RegionResolver resolver;

  public VisitorRegion(RegionResolver resolver) {
    this.resolver = resolver;
  }

  public Optional<Region> of(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return resolver.resolve(peer, request::getHeader);
  }
}
