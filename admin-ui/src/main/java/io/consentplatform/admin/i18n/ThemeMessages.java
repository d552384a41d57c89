package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of a site's banner look, used as {@code {themeMsg:key}} in templates: a bundle of their
 * own, like {@link RegionMessages}. The wording lives in {@code messages/themeMsg_<language>
 * .properties}.
 */
@MessageBundle(value = "themeMsg", locale = "en")
public interface ThemeMessages {
  String siteNavTheme();

  String themeTitle(String site);

  String themeHeading();

  String themeIntro();

  String fieldLayout();

  String layoutBAR();

  String layoutBOX();

  String layoutCENTRE();

  String fieldBackground();

  String fieldText();

  String fieldAccent();

  String fieldAccentText();

  String fieldFont();

  String fieldRadius();

  String fieldDark();

  String hintColour();

  String hintContrast();

  String themeNotSaved();

  String saveTheme();

  String noticeThemeSaved();

  String radiusNotANumber();

  String lowContrast(
      String colour, String value, String against, String background, String ratio, String minimum);
}
