package io.consentplatform.admin.cookie;

import io.consentplatform.admin.FormValues;
import io.consentplatform.core.cookie.CookieEdit;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.cookie.Storage;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;

/** A cookie as its form holds it, with its function and purposes in one language. */
public class CookieForm {

  @RestForm public String name;
  @RestForm public String wildcard;
  @RestForm public String category;
  @RestForm public String provider;
  @RestForm public String retentionAmount;
  @RestForm public String retentionUnit;
  @RestForm public String retentionNote;
  @RestForm public String party;
  @RestForm public String domain;
  @RestForm public String storage;
  @RestForm public String httpOnly;
  @RestForm public String position;
  @RestForm public String functionAndLocation;
  @RestForm public String purposes;
  @RestForm public String version;

  static CookieForm empty() {
    CookieForm form = new CookieForm();
    form.party = Party.FIRST_PARTY.name();
    form.storage = Storage.COOKIE.name();
    form.position = "100";
    form.retentionUnit = Retention.Unit.MONTHS.name();
    return form;
  }

  static CookieForm of(CookieView cookie, String language) {
    CookieForm form = new CookieForm();
    form.name = cookie.name();
    form.wildcard = cookie.wildcard() ? "on" : null;
    form.category = cookie.category();
    form.provider = cookie.provider();
    Retention retention = cookie.retention();
    form.retentionAmount = retention.amount() == null ? null : retention.amount().toString();
    form.retentionUnit = retention.unit() == null ? "" : retention.unit().name();
    form.retentionNote = retention.notes().get(language);
    form.party = cookie.party().name();
    form.domain = cookie.domain();
    form.storage = cookie.storage().name();
    form.httpOnly = cookie.httpOnly() ? "on" : null;
    form.position = String.valueOf(cookie.position());
    CookieText text = cookie.texts().get(language);
    form.functionAndLocation = text == null ? null : text.functionAndLocation();
    form.purposes = text == null ? null : text.purposes();
    form.version = String.valueOf(cookie.version());
    return form;
  }

  /**
   * The declaration asked for: {@code texts} and retention {@code notes} in the other languages are
   * kept as they are; the duration is the same in every language.
   */
  CookieEdit edit(String language, Map<String, CookieText> texts, Map<String, String> notes) {
    Map<String, CookieText> all = new TreeMap<>(texts);
    all.put(
        language, new CookieText(FormValues.text(functionAndLocation), FormValues.text(purposes)));
    return new CookieEdit(
        FormValues.text(name),
        FormValues.ticked(wildcard),
        FormValues.text(provider),
        FormValues.text(category),
        new Retention(unit(), amount(), notes).withNote(language, FormValues.text(retentionNote)),
        Party.THIRD_PARTY.name().equals(party) ? Party.THIRD_PARTY : Party.FIRST_PARTY,
        FormValues.text(domain),
        FormValues.position(position, 100),
        all,
        storage(),
        FormValues.ticked(httpOnly));
  }

  /**
   * Moves the retention's violations to the fields that show them: the duration's to the amount,
   * the missing duration and note to the note.
   */
  static void placeRetentionErrors(Map<String, String> errors) {
    String duration = errors.remove("duration");
    if (duration != null) {
      errors.putIfAbsent("retentionAmount", duration);
    }
    String described = errors.remove("described");
    if (described != null) {
      errors.putIfAbsent("retentionNote", described);
    }
    String retention = errors.remove("retention");
    if (retention != null) {
      errors.putIfAbsent("retentionAmount", retention);
    }
  }

  // Anything but a known place reads as a cookie, the form's default.
  private Storage storage() {
    for (Storage known : Storage.values()) {
      if (known.name().equals(storage)) {
        return known;
      }
    }
    return Storage.COOKIE;
  }

  private Retention.Unit unit() {
    String unit = FormValues.text(retentionUnit);
    if (unit == null) {
      return null;
    }
    try {
      return Retention.Unit.valueOf(unit);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // An amount that is no number is kept as an invalid one, so that validation marks the field.
  private Integer amount() {
    String amount = FormValues.text(retentionAmount);
    if (amount == null) {
      return null;
    }
    try {
      return Integer.valueOf(amount);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  Long expectedVersion() {
    return FormValues.version(version);
  }
}
