package io.consentplatform.admin.cookie;

import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.cookie.RetentionFormat;
import io.quarkus.qute.TemplateExtension;

/** How a cookie's retention reads on back-office pages: in the person's language or a tab's. */
@TemplateExtension
final class RetentionLabels {

  private RetentionLabels() {}

  /** "2 weeks", or "2 semaines", with the note in that language (else any). */
  static String label(Retention retention) {
    String language = AdminLanguage.current().code();
    return RetentionFormat.format(retention, language, language);
  }

  /** The retention as visitors read it in {@code language}, the language of the tab shown. */
  static String label(Retention retention, String language) {
    return RetentionFormat.format(retention, language, language);
  }
}
