package io.consentplatform.core.access;

/**
 * A site as a tenant names it in a path: by its id or by its public key. All digits is an id (keys
 * always contain a letter, so the two never meet); anything else is a key. Which site it is depends
 * on the caller: {@link TenantScope#site(Caller, SiteRef)} looks it up within their tenant only.
 *
 * @param id the site's id, or null when named by key
 * @param key the site's key, or null when named by id
 */
public record SiteRef(Long id, String key) {

  /** Parses a path segment; JAX-RS calls this for a path parameter of this type. */
  public static SiteRef valueOf(String segment) {
    if (!segment.isEmpty()
        && segment.length() <= 18
        && segment.chars().allMatch(SiteRef::isDigit)) {
      return new SiteRef(Long.parseLong(segment), null);
    }
    return new SiteRef(null, segment);
  }

  public static SiteRef of(long id) {
    return new SiteRef(id, null);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public String toString() {
    return id != null ? id.toString() : key;
  }
}
