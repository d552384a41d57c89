package io.consentplatform.api.banner;

/** Conditional requests: does the client already hold this representation? */
final class EntityTags {

  private EntityTags() {}

  /**
   * Whether {@code If-None-Match} names {@code etag}. Uses the weak comparison RFC 9110 asks for
   * here, so that a proxy that weakened the tag (after compressing, say) still gets its 304.
   */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || stripWeak(tag).equals(stripWeak(etag))) {
        return true;
      }
    }
    return false;
  }

  private static String stripWeak(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
