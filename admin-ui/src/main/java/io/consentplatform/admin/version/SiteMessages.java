package io.consentplatform.admin.version;

import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.AdminSiteMessages;
import io.consentplatform.admin.i18n.RegionMessages;
import io.consentplatform.admin.i18n.SiteSettingsMessages;
import io.consentplatform.admin.i18n.ThemeMessages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The site pages' texts in the current person's language, for the Java code of this package. */
final class SiteMessages {

  private SiteMessages() {}

  static RegionMessages regions() {
    return MessageBundles.get(
        RegionMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }

  static SiteSettingsMessages settings() {
    return MessageBundles.get(
        SiteSettingsMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }

  static ThemeMessages theme() {
    return MessageBundles.get(
        ThemeMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }

  static AdminSiteMessages current() {
    return MessageBundles.get(
        AdminSiteMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }
}
