package io.consentplatform.core.policy;

import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.cookie.CookieText;
import java.util.List;

/**
 * A published category in one language, with its cookies: the one walk through a snapshot that the
 * banner ({@link BannerConfig}) and the cookie policy page both show, so that they cannot differ.
 *
 * @param text the category's texts in the language, else the site's default language
 */
public record LocalizedCategory(
    PolicySnapshot.CategoryEntry category, CategoryText text, List<LocalizedCookie> cookies) {

  /**
   * A cookie of the category in the same language.
   *
   * @param displayName the name as visitors read it: a wildcard name ends with {@code *}
   */
  public record LocalizedCookie(
      PolicySnapshot.CookieEntry cookie, CookieText text, String displayName) {}

  /** Every category of {@code snapshot}, in order, in {@code language}. */
  public static List<LocalizedCategory> of(PolicySnapshot snapshot, String language) {
    String fallback = snapshot.site().defaultLanguage();
    return snapshot.categories().stream()
        .map(
            category ->
                new LocalizedCategory(
                    category,
                    category.text(language, fallback),
                    snapshot.cookiesIn(category.key()).stream()
                        .map(
                            cookie ->
                                new LocalizedCookie(
                                    cookie,
                                    cookie.text(language, fallback),
                                    cookie.wildcard() ? cookie.name() + "*" : cookie.name()))
                        .toList()))
        .toList();
  }
}
