package io.consentplatform.api.consent;

import io.consentplatform.core.site.SiteDomains;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which browser origins may call a site's consent endpoints: those of its declared domains. */
public final class SiteOrigins {

  private static final Pattern PORT = Pattern.compile(":\\d+$");

  private SiteOrigins() {}

  /**
   * Whether {@code origin} (scheme, host and optional port, as browsers send it) is served under
   * one of the site's domains, by the one rule of {@link SiteDomains#declares}. A domain may name a
   * port ({@code shop.example:8443}).
   */
  public static boolean allows(List<String> domains, String origin) {
    try {
      return SiteDomains.declares(domains, URI.create(origin));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /**
   * Whether a request reached the platform under one of the site's own domains (the {@code Host}
   * header), through the site's reverse proxy: then a cookie the platform sets is the site's own.
   */
  static boolean servesFirstParty(List<String> domains, String host) {
    if (host == null) {
      return false;
    }
    String withoutPort = PORT.matcher(host).replaceFirst("");
    return isDeclared(domains, host) || isDeclared(domains, withoutPort);
  }

  private static boolean isDeclared(List<String> domains, String authority) {
    String wanted = authority.toLowerCase(Locale.ROOT);
    return domains.stream().anyMatch(domain -> domain.toLowerCase(Locale.ROOT).equals(wanted));
  }
}
