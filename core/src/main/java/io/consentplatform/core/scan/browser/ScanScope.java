package io.consentplatform.core.scan.browser;

import io.consentplatform.core.net.AddressPolicy;
import io.consentplatform.core.site.SiteDomains;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What one scan may visit and how: shared by its passes. */
record ScanScope(
    String siteKey,
    List<String> domains,
    AddressPolicy policy,
    ScanProxy proxy,
    SiteRules rules,
    Duration pageTimeout) {

  /** Whether a page is under the site's declared domains (host, and port when not the default). */
  boolean declares(URI url) {
    return SiteDomains.declares(domains, url);
  }

  /** The host as the report names a host: {@code host}, or {@code host:port} off the default. */
  static String hostOf(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    String web = scheme.equals("wss") ? "https" : scheme.equals("ws") ? "http" : scheme;
    return SiteDomains.normalize(web + "://" + url.getRawAuthority());
  }

  static int portOf(URI url) {
    if (url.getPort() != -1) {
      return url.getPort();
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
  }

  /** A URL as a browser would request it, or null when it is not an http(s) address. */
  static URI web(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null
          || uri.getHost() == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return null;
      }
      return uri;
    } catch (Exception notAnAddress) {
      return null;
    }
  }
}
