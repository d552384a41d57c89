package io.consentplatform.core.cookie;

import java.util.Map;

/** A cookie as the management API shows it. */
public record CookieView(
    long id,
    long siteId,
    String name,
    boolean wildcard,
    String provider,
    String category,
    Retention retention,
    Party party,
    String domain,
    int position,
    Map<String, CookieText> texts,
    long version,
    Storage storage,
    boolean httpOnly) {

  public static CookieView of(Cookie cookie) {
    return new CookieView(
        cookie.id,
        cookie.site.id,
        cookie.name,
        cookie.wildcard,
        cookie.provider.name,
        cookie.category.key,
        cookie.retention(),
        cookie.party,
        cookie.domain,
        cookie.position,
        Map.copyOf(cookie.texts),
        cookie.version,
        cookie.storage,
        cookie.httpOnly);
  }
}
