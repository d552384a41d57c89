package io.consentplatform.admin;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** How values of the domain read on back-office pages. */
@TemplateExtension
public final class Labels {

  private Labels() {}

  /** {@code STATISTICS} reads "statistics". */
  static String label(Purpose purpose) {
    return purpose.name().toLowerCase(Locale.ROOT);
  }

  /** {@code ACCEPT_ALL} reads "accept_all", as the log, the exports and the API write it. */
  static String label(ConsentAction action) {
    return action.wireName();
  }

  /** {@code SETTINGS} reads "settings", as the log, the exports and the API write it. */
  static String label(ConsentMethod method) {
    return method.wireName();
  }
}
