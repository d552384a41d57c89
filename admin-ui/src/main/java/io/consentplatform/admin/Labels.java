package io.consentplatform.admin;

import io.consentplatform.admin.category.CategoryNames;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.AdminMessages;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.site.SiteView;
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
  public static String roleLabel(String role) {
    return label(Role.valueOf(role));
  }

  /**
   * {@code CUSTOM} reads "Custom", or "Personnalisé": the same words on the log, its filter and
   * receipts (exports and the API keep the wire name, {@code custom}).
   */
  public static String label(ConsentAction action) {
    AdminMessages texts = AdminLanguage.current().messages();
    return switch (action) {
      case ACCEPT_ALL -> texts.actionACCEPT_ALL();
      case REJECT_ALL -> texts.actionREJECT_ALL();
      case CUSTOM -> texts.actionCUSTOM();
      case WITHDRAW -> texts.actionWITHDRAW();
    };
  }

  /** {@code SETTINGS} reads "Settings", or "Paramètres". */
  public static String label(ConsentMethod method) {
    AdminMessages texts = AdminLanguage.current().messages();
    return switch (method) {
      case BANNER -> texts.methodBANNER();
      case SETTINGS -> texts.methodSETTINGS();
      case API -> texts.methodAPI();
      case SIGNAL -> texts.methodSIGNAL();
    };
  }

  /**
   * A category's name for choosing it in a list: in the person's language when the site has it,
   * else in the site's default language, else its key.
   */
  static String displayName(CategoryView category, SiteView site) {
    return CategoryNames.nameOf(category, site);
  }
}
