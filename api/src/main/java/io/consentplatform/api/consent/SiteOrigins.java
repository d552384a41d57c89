package io.consentplatform.api.consent;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Which browser origins may call a site's consent endpoints: those of its declared domains. */
public final class SiteOrigins {

  private SiteOrigins() {}

  /**
   * Whether {@code origin} (scheme, host and optional port, as browsers send it) is served under
   * one of the site's domains. A domain may name a port ({@code shop.example:8443}).
   */
  public static boolean allows(List<String> domains, String origin) {
    URI uri;
    try {
      uri = URI.create(origin);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    if (uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      return false;
    }
    String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    return isDeclared(domains, authority);
  }

  /**
   * Whether a request reached the platform under one of the site's own domains (the {@code Host}
   * header), through the site's reverse proxy: then a cookie the platform sets is the site's own.
   */
  static boolean servesFirstParty(List<String> domains, String host) {
    if (host == null) {
      return false;
    }
    String withoutPort = host.replaceFirst(":\\d+$", "");
    return isDeclared(domains, host) || isDeclared(domains, withoutPort);
  }

  private static boolean isDeclared(List<String> domains, String authority) {
    String wanted = authority.toLowerCase(Locale.ROOT);
    return domains.stream().anyMatch(domain -> domain.toLowerCase(Locale.ROOT).equals(wanted));
  }
}
