package io.consentplatform.core.net;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A request path made of a fixed prefix, one segment naming something (a site's key) and a fixed
 * suffix, such as {@code /v1/sites/{key}/banner}, matched with string comparisons.
 *
 * <p>Why not a Vert.x route with a {@code :key} parameter: Vert.x turns it into a regular
 * expression and runs it, before looking at the method, on every request that reaches the route.
 * Ahead of the banner stood half a dozen such routes; their matchers were a sixth of the memory the
 * banner's hot path allocated (measured with bench/, an allocation profile). The routes now match a
 * plain prefix and ask this for the key.
 */
public record KeyedPath(String prefix, String suffix) {

  /**
   * The key in {@code path} (percent-decoded as Vert.x decodes a path parameter), or null when the
   * path is not of this shape: no segment, or one that holds a slash.
   */
  public String key(String path) {
    if (path == null
        || path.length() <= prefix.length() + suffix.length()
        || !path.startsWith(prefix)
        || !path.endsWith(suffix)) {
      return null;
    }
    int end = path.length() - suffix.length();
    int slash = path.indexOf('/', prefix.length());
    if (slash >= 0 && slash < end) {
      return null;
    }
    String key = path.substring(prefix.length(), end);
    if (key.indexOf('%') < 0) {
      return key;
    }
    try {
      // A '+' in a path is a plus, not the space it is in a form.
      return URLDecoder.decode(key.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return key; // a broken escape: the raw segment names no site, and the REST layer refuses it
    }
  }
}
