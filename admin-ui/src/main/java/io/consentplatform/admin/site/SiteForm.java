package io.consentplatform.admin.site;

import io.consentplatform.admin.FormErrors;
import io.consentplatform.admin.FormValues;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.SiteSettingsMessages;
import io.consentplatform.core.site.DataController;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteEdit;
import io.consentplatform.core.site.SiteTexts;
import io.consentplatform.core.site.SiteView;
import io.consentplatform.core.site.VendorSignal;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A site's settings as its form holds them: lists as typed (one per line or comma-separated), so
 * that a form sent back with errors shows exactly what the person wrote.
 */
public class SiteForm {

  @RestForm public String key;
  @RestForm public String name;
  @RestForm public String domains;
  @RestForm public String languages;
  @RestForm public String defaultLanguage;
  @RestForm public String consentLifetimeDays;
  @RestForm public String cookieDomain;

  /**
   * The vendor signals ticked, by their wire names, after an empty value the settings form always
   * sends (so that none ticked means none); null from a form without them (creating a site), which
   * keeps the default.
   */
  @RestForm public List<String> vendorSignals;

  // The data controller, named as DataController's fields so that their errors find them.
  @RestForm public String legalName;
  @RestForm public String postalAddress;
  @RestForm public String contact;
  @RestForm public String dpoContact;

  /** The optimistic-locking version the form was read at; empty when creating. */
  @RestForm public String version;

  public static SiteForm empty() {
    SiteForm form = new SiteForm();
    form.key = "";
    form.name = "";
    form.domains = "";
    form.languages = "en";
    form.defaultLanguage = "en";
    form.consentLifetimeDays = String.valueOf(Site.DEFAULT_CONSENT_LIFETIME_DAYS);
    form.cookieDomain = "";
    form.vendorSignals = List.of(VendorSignal.GOOGLE.wire());
    form.legalName = "";
    form.postalAddress = "";
    form.contact = "";
    form.dpoContact = "";
    form.version = "";
    return form;
  }

  public static SiteForm of(SiteView site) {
    SiteForm form = new SiteForm();
    form.key = site.key();
    form.name = site.name();
    form.domains = String.join("\n", site.domains());
    form.languages = String.join(", ", site.languages());
    form.defaultLanguage = site.defaultLanguage();
    form.consentLifetimeDays = String.valueOf(site.consentLifetimeDays());
    form.cookieDomain = site.cookieDomain() == null ? "" : site.cookieDomain();
    form.vendorSignals = site.vendorSignals().stream().map(VendorSignal::wire).toList();
    DataController controller = site.controller();
    form.legalName = controller.legalName();
    form.postalAddress = controller.postalAddress();
    form.contact = controller.contact();
    form.dpoContact = controller.dpoContact();
    form.version = String.valueOf(site.version());
    return form;
  }

  /** The edit this form asks for; texts are kept as they are ({@code texts}), edited elsewhere. */
  SiteEdit edit(Map<String, SiteTexts> texts) {
    return new SiteEdit(
        FormValues.text(key),
        FormValues.text(name),
        list(domains),
        list(languages),
        lowerCase(FormValues.text(defaultLanguage)),
        days(),
        texts,
        new DataController(legalName, postalAddress, contact, dpoContact),
        FormValues.text(cookieDomain),
        signals());
  }

  /** Every vendor signal with whether this form ticks it, in the enum's order. */
  public List<SignalChoice> signalChoices() {
    List<String> ticked = vendorSignals == null ? List.of() : vendorSignals;
    return Arrays.stream(VendorSignal.values())
        .map(signal -> new SignalChoice(signal, ticked.contains(signal.wire())))
        .toList();
  }

  /** A vendor signal as a checkbox of the form shows it. */
  public record SignalChoice(VendorSignal signal, boolean ticked) {}

  // Names that are no signal (a forged form) are left out here and refused by check().
  private List<VendorSignal> signals() {
    if (vendorSignals == null) {
      return null;
    }
    return signalChoices().stream().filter(SignalChoice::ticked).map(SignalChoice::signal).toList();
  }

  /** The edit's faults, and a lifetime that is not a number (the edit holds null for it). */
  FormErrors check(Validator validator, SiteEdit edit) {
    FormErrors errors = FormErrors.check(validator, edit);
    if (FormValues.text(consentLifetimeDays) != null && days() == null) {
      errors.reject("consentLifetimeDays", AdminLanguage.current().messages().wholeNumberOfDays());
    }
    if (vendorSignals != null
        && vendorSignals.stream().filter(s -> !s.isBlank()).distinct().count()
            != signals().size()) {
      errors.reject(
          "vendorSignals",
          MessageBundles.get(
                  SiteSettingsMessages.class, Localized.Literal.of(AdminLanguage.current().code()))
              .unknownSignal());
    }
    return errors;
  }

  private Integer days() {
    return FormValues.number(consentLifetimeDays);
  }

  Long expectedVersion() {
    return FormValues.version(version);
  }

  private static List<String> list(String typed) {
    if (typed == null) {
      return List.of();
    }
    return Arrays.stream(typed.split("[,\\s]+"))
        .filter(s -> !s.isBlank())
        .map(SiteForm::lowerCase)
        .distinct()
        .toList();
  }

  private static String lowerCase(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
