package io.consentplatform.core.region;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.net.TrustedProxies;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The region of the visitor behind a request: a region header, believed only when the peer is one
 * of the trusted proxies (anyone else could write it and pick their own experience); else the GeoIP
 * database, if the operator provides one, asked about the client's address as the trusted proxies
 * tell it; else unknown.
 */
@ApplicationScoped
@Startup // a configured GeoIP database that cannot be opened stops the start, not a visitor's
// request
public class RegionResolver {

  /**
   * A configured pair: the header naming the country and, if any, the one naming the subdivision.
   */
  record HeaderPair(String country, String subdivision) {

    static HeaderPair parse(String text) {
      String[] parts = text.strip().split(":", 2);
      return new HeaderPair(parts[0].strip(), parts.length == 2 ? parts[1].strip() : null);
    }
  }

  private final TrustedProxies proxies;
  private final List<HeaderPair> headers;
  private final Optional<GeoIpRegions> geoIp;

  @Inject
  public RegionResolver(TrustedProxies proxies, CoreConfig config) {
    this(
        proxies,
        config.regions().headers(),
        config.regions().geoipDatabase().filter(p -> !p.isBlank()).map(Path::of));
  }

  /** Headers only, no GeoIP database. */
  public RegionResolver(TrustedProxies proxies, List<String> headers) {
    this(proxies, headers, Optional.empty());
  }

  /**
   * @throws IllegalStateException when {@code geoIpDatabase} is given and cannot be opened as a
   *     GeoIP City or Country database
   */
  public RegionResolver(
      TrustedProxies proxies, List<String> headers, Optional<Path> geoIpDatabase) {
    this.proxies = proxies;
    this.headers = headers.stream().filter(h -> !h.isBlank()).map(HeaderPair::parse).toList();
    this.geoIp = geoIpDatabase.map(GeoIpRegions::open);
  }

  /**
   * The region of a request's visitor.
   *
   * @param peer the address of whoever opened the connection
   * @param header the request's header of a name, or null
   */
  public Optional<Region> resolve(String peer, UnaryOperator<String> header) {
    if (peer == null) {
      return Optional.empty();
    }
    if (proxies.trusts(peer)) {
      Optional<Region> told = fromHeaders(header);
      if (told.isPresent()) {
        return told;
      }
    }
    if (geoIp.isEmpty()) {
      return Optional.empty();
    }
    // Behind our proxies the peer is the proxy: ask about the client it forwarded for.
    return geoIp.get().of(proxies.client(peer, header.apply("X-Forwarded-For")));
  }

  /** The region the first configured header present names, if a valid one. */
  private Optional<Region> fromHeaders(UnaryOperator<String> header) {
    for (HeaderPair pair : headers) {
      Optional<Region> country = Region.parse(header.apply(pair.country()));
      if (country.isPresent()) {
        return Optional.of(withSubdivision(country.get(), pair, header));
      }
    }
    return Optional.empty();
  }

  @PreDestroy
  void close() {
    geoIp.ifPresent(GeoIpRegions::close);
  }

  private static Region withSubdivision(
      Region country, HeaderPair pair, UnaryOperator<String> header) {
    String code = pair.subdivision() == null ? null : header.apply(pair.subdivision());
    if (code == null || code.isBlank()) {
      return country;
    }
    String full = code.contains("-") ? code : country.country() + "-" + code;
    return Region.parse(full)
        .filter(region -> region.country().equals(country.country()))
        .orElse(country);
  }
}
