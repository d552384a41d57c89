package io.consentplatform.core.webhook;

import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.net.AddressPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Where a delivery may go: the same rules as the scanner's browser (public addresses only, unless
 * configuration allows private networks), checked when an endpoint is registered and again at each
 * delivery, which connects to exactly the address checked.
 */
final class WebhookUrls {

  private WebhookUrls() {}

  /** The endpoint's URL, refused (field {@code url}) unless a delivery could be sent to it. */
  static URI checked(String url, boolean allowPrivateNetworks) {
    URI uri = parsed(url, allowPrivateNetworks);
    try {
      resolve(uri, allowPrivateNetworks);
    } catch (AddressPolicy.Refused refused) {
      throw new Rejected("url", refused.getMessage() + ": webhooks go to public addresses only");
    } catch (UnknownHostException unknown) {
      throw new Rejected("url", uri.getHost() + " does not resolve");
    }
    return uri;
  }

  static URI parsed(String url, boolean allowPrivateNetworks) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new Rejected("url", "Not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && allowPrivateNetworks)) {
      throw new Rejected("url", "Webhook URLs start with https://");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new Rejected("url", "A webhook URL names a host, without user name or fragment");
    }
    return uri;
  }

  /** The one address a delivery to {@code uri} connects to. */
  static InetAddress resolve(URI uri, boolean allowPrivateNetworks)
      throws AddressPolicy.Refused, UnknownHostException {
    return new AddressPolicy(allowPrivateNetworks, Set.of()).resolve(uri.getHost(), port(uri));
  }

  static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }
}
