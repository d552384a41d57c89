package io.consentplatform.admin;

import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.site.SiteView;

/** Which of a site's languages a page edits: {@code ?lang=}, or the site's default. */
public final class Languages {

  private Languages() {}

  /** A language the site does not have is not found, like any other missing thing. */
  public static String chosen(SiteView site, String lang) {
    if (lang == null || lang.isBlank()) {
      return site.defaultLanguage();
    }
    if (!site.languages().contains(lang)) {
      throw new NotFound("Language " + lang);
    }
    return lang;
  }
}
