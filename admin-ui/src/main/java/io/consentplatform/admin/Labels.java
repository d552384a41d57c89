package io.consentplatform.admin;

import io.consentplatform.core.category.Purpose;
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
}
