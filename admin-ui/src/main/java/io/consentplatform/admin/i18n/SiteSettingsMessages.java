package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of a site's integration settings (cookie domain, vendor consent signals), used as
 * {@code {siteSettingsMsg:key}} in templates: a bundle of their own, since the others are near the
 * size at which Quarkus generates a broken class. The wording lives in {@code
 * messages/siteSettingsMsg_<language>.properties}, English the default locale's file.
 */
@MessageBundle(value = "siteSettingsMsg", locale = "en")
public interface SiteSettingsMessages {

  String integrationsHeading();

  String fieldCookieDomain();

  String hintCookieDomain();

  String noCookieDomain();

  String fieldVendorSignals();

  String hintVendorSignals();

  String noVendorSignal();

  String unknownSignal();
}
