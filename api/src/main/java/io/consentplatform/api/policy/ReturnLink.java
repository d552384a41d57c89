package io.consentplatform.api.policy;

import io.consentplatform.core.site.SiteDomains;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * The way back from a policy page to the site's page the visitor came from ({@code ?from=}, else
 * the {@code Referer}), with the banner's settings open ({@code #cookie-settings}, which banner.js
 * obeys). Only a page under one of the site's declared domains qualifies, so that the policy page
 * never offers to send anyone elsewhere; the query and fragment are left out.
 */
final class ReturnLink {

  /** The fragment on which banner.js opens its settings. */
  static final String SETTINGS = "cookie-settings";

  private ReturnLink() {}

  static Optional<String> to(List<String> domains, String from, String referer) {
    return back(domains, from).or(() -> back(domains, referer));
  }

  private static Optional<String> back(List<String> domains, String page) {
    if (page == null || page.isBlank() || page.length() > 2000) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(page.strip());
      if (!SiteDomains.declares(domains, uri)) {
        return Optional.empty();
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return Optional.of(
          new URI(uri.getScheme() + "://" + uri.getRawAuthority() + path + "#" + SETTINGS)
              .toASCIIString());
    } catch (URISyntaxException unreadable) {
      return Optional.empty();
    }
  }
}
