package io.consentplatform.core.site;

import com.google.common.net.InetAddresses;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule for a site's cookie domain: the parent domain its banner writes the preference cookie
 * on, so that one decision holds on every subdomain. One place, used by the site's validation
 * (tenant API and back office alike) and by {@link SiteService}.
 */
public final class CookieDomain {

  private CookieDomain() {}

  /**
   * The cookie domain as kept: without the leading dot browsers accept and ignore, in the form
   * {@link SiteDomains#normalize} gives a host; blank is none (null).
   */
  public static String normalize(String typed) {
    if (typed == null) {
      return null;
    }
    String domain = typed.strip();
    if (domain.startsWith(".")) {
      domain = domain.substring(1);
    }
    return domain.isEmpty() ? null : SiteDomains.normalize(domain).toLowerCase(Locale.ROOT);
  }

  /**
   * Why a (normalised) cookie domain can never carry a cookie, if it cannot: it is no host name,
   * has a port or is an address (a cookie's domain is a name and covers every port), or is a public
   * suffix such as {@code org} or {@code github.io}, whose cookies browsers refuse.
   */
  public static Optional<SiteDomains.Fault> fault(String domain) {
    if (domain == null) {
      return Optional.empty();
    }
    if (domain.indexOf(':') >= 0 || domain.startsWith("[")) {
      return Optional.of(SiteDomains.Fault.NOT_A_HOST);
    }
    Optional<SiteDomains.Fault> fault = SiteDomains.fault(domain);
    if (fault.isPresent()) {
      return fault;
    }
    if (InetAddresses.isInetAddress(domain) || domain.indexOf('.') < 0) {
      // A single label (localhost, test) is shared by every site under it, as a public suffix is.
      return Optional.of(
          domain.indexOf('.') < 0 ? SiteDomains.Fault.PUBLIC_SUFFIX : SiteDomains.Fault.NOT_A_HOST);
    }
    return Optional.empty();
  }

  /**
   * The declared domains whose pages the cookie domain would not reach (their host is neither it
   * nor under it), in their declared order; empty when there is no cookie domain.
   */
  public static List<String> unreached(String cookieDomain, List<String> domains) {
    if (cookieDomain == null || domains == null) {
      return List.of();
    }
    return domains.stream().filter(domain -> !reaches(cookieDomain, host(domain))).toList();
  }

  private static boolean reaches(String cookieDomain, String host) {
    return host.equals(cookieDomain) || host.endsWith("." + cookieDomain);
  }

  private static String host(String domain) {
    if (domain.startsWith("[")) {
      return domain; // an IPv6 address: under no name
    }
    int colon = domain.indexOf(':');
    return (colon < 0 ? domain : domain.substring(0, colon)).toLowerCase(Locale.ROOT);
  }
}
