package io.consentplatform.core.region;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.net.TrustedProxies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The region of the visitor behind a request. A region header is believed only when the peer is one
 * of the trusted proxies: anyone else could write it and pick their own experience.
 */
@ApplicationScoped
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

  @Inject
  public RegionResolver(TrustedProxies proxies, CoreConfig config) {
    this(proxies, config.regions().headers());
  }

  public RegionResolver(TrustedProxies proxies, List<String> headers) {
    this.proxies = proxies;
    this.headers = headers.stream().filter(h -> !h.isBlank()).map(HeaderPair::parse).toList();
  }

  /**
   * The region of a request's visitor.
   *
   * @param peer the address of whoever opened the connection
   * @param header the request's header of a name, or null
   */
  public Optional<Region> resolve(String peer, UnaryOperator<String> header) {
    if (peer == null || !proxies.trusts(peer)) {
      return Optional.empty();
    }
    for (HeaderPair pair : headers) {
      Optional<Region> country = Region.parse(header.apply(pair.country()));
      if (country.isPresent()) {
        return Optional.of(withSubdivision(country.get(), pair, header));
      }
    }
    return Optional.empty();
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
