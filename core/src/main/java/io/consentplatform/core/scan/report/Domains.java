package io.consentplatform.core.scan.report;

import java.util.List;
import java.util.Locale;

/** Hosts of cookies and declared domains, and whether a cookie belongs to the site. */
public final class Domains {

  private Domains() {}

  /**
   * The host a cookie domain or a declared domain names: without the leading dot of a domain
   * cookie, without a port, in lower case.
   */
  public static String host(String domain) {
    if (domain == null) {
      return "";
    }
    String host = domain.strip().toLowerCase(Locale.ROOT);
    while (host.startsWith(".")) {
      host = host.substring(1);
    }
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 ? host.substring(0, end + 1) : host;
    }
    int colon = host.indexOf(':');
    if (colon >= 0 && host.indexOf(':', colon + 1) < 0) {
      host = host.substring(0, colon);
    }
    return host;
  }

  /** Whether {@code host} is {@code domain} or one of its subdomains. */
  public static boolean within(String host, String domain) {
    return !domain.isEmpty() && (host.equals(domain) || host.endsWith("." + domain));
  }

  /**
   * Whether a cookie of {@code cookieDomain} is the site's own: set for one of its declared hosts,
   * a subdomain of one, or a parent domain that covers one (a {@code .example.org} cookie on {@code
   * www.example.org}).
   */
  public static boolean firstParty(String cookieDomain, List<String> siteDomains) {
    String host = host(cookieDomain);
    return siteDomains.stream()
        .map(Domains::host)
        .anyMatch(site -> within(host, site) || within(site, host));
  }
}
