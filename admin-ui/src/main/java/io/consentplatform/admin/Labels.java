package io.consentplatform.admin;

import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.AdminMessages;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.tenant.Role;
import io.quarkus.qute.TemplateExtension;

/** How values of the domain read on back-office pages, in the person's language. */
@TemplateExtension
public final class Labels {

  private Labels() {}

  /** {@code STATISTICS} reads "statistics", or "statistiques". */
  public static String label(Purpose purpose) {
    AdminMessages texts = AdminLanguage.current().messages();
    return switch (purpose) {
      case NECESSARY -> texts.purposeNECESSARY();
      case PREFERENCES -> texts.purposePREFERENCES();
      case STATISTICS -> texts.purposeSTATISTICS();
      case MARKETING -> texts.purposeMARKETING();
    };
  }

  /** {@code EDITOR} reads "editor", or "éditeur". */
  static String label(Role role) {
    AdminMessages texts = AdminLanguage.current().messages();
    return switch (role) {
      case OWNER -> texts.roleOWNER();
      case EDITOR -> texts.roleEDITOR();
      case VIEWER -> texts.roleVIEWER();
    };
  }

  /** A role carried by name, as the member and key lists hold it. */
  static String roleLabel(String role) {
    return label(Role.valueOf(role));
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
