package io.consentplatform.core.text;

import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.site.SiteView;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks a language among those offered: the one a visitor is served in, the one the back office is
 * shown in, the one of a site that a page edits.
 */
public final class Languages {

  /** Languages the platform's own wording exists in; the first is the fallback. */
  public static final List<String> PLATFORM = List.of("en", "fr");

  /** ISO 639-1, as the JDK knows it: a site's language is one of these. */
  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  private Languages() {}

  /** Whether {@code code} is an ISO 639-1 language code, in lower case. */
  public static boolean isKnown(String code) {
    return ISO_639_1.contains(code);
  }

  /** The name of a language in that language, capitalised: "Français" for {@code fr}. */
  public static String nativeName(String language) {
    Locale locale = Locale.forLanguageTag(language);
    String name = locale.getDisplayLanguage(locale);
    return name.isEmpty() ? language : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }

  /**
   * The explicitly requested language when the site offers it, else the best match of the browser's
   * {@code Accept-Language}, else the site's default.
   */
  public static String choose(
      String requested, String acceptLanguage, List<String> offered, String defaultLanguage) {
    if (requested != null && offered.contains(requested)) {
      return requested;
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        String match =
            Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage.replace('_', '-')), offered);
        if (match != null) {
          return match;
        }
      } catch (IllegalArgumentException malformed) {
        // A malformed header is no reason to refuse a page: serve the default.
      }
    }
    return defaultLanguage;
  }

  /**
   * The site language a back-office page edits: {@code lang}, or the site's default when none is
   * named; a language the site does not have is not found, like any other missing thing.
   */
  public static String forEditing(SiteView site, String lang) {
    if (lang == null || lang.isBlank()) {
      return site.defaultLanguage();
    }
    if (!site.languages().contains(lang)) {
      throw new NotFound("Language " + lang);
    }
    return lang;
  }
}
