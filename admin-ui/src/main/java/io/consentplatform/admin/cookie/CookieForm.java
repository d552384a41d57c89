package io.consentplatform.admin.cookie;

import io.consentplatform.admin.FormValues;
import io.consentplatform.core.cookie.CookieEdit;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.cookie.Party;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;

/** A cookie as its form holds it, with its function and purposes in one language. */
public class CookieForm {

  @RestForm public String name;
  @RestForm public String wildcard;
  @RestForm public String category;
  @RestForm public String provider;
  @RestForm public String retention;
  @RestForm public String party;
  @RestForm public String domain;
  @RestForm public String position;
  @RestForm public String functionAndLocation;
  @RestForm public String purposes;
  @RestForm public String version;

  static CookieForm empty() {
    CookieForm form = new CookieForm();
    form.party = Party.FIRST_PARTY.name();
    form.position = "100";
    return form;
  }

  static CookieForm of(CookieView cookie, String language) {
    CookieForm form = new CookieForm();
    form.name = cookie.name();
    form.wildcard = cookie.wildcard() ? "on" : null;
    form.category = cookie.category();
    form.provider = cookie.provider();
    form.retention = cookie.retention();
    form.party = cookie.party().name();
    form.domain = cookie.domain();
    form.position = String.valueOf(cookie.position());
    CookieText text = cookie.texts().get(language);
    form.functionAndLocation = text == null ? null : text.functionAndLocation();
    form.purposes = text == null ? null : text.purposes();
    form.version = String.valueOf(cookie.version());
    return form;
  }

  /** The declaration asked for: {@code texts} in the other languages are kept as they are. */
  CookieEdit edit(String language, Map<String, CookieText> texts) {
    Map<String, CookieText> all = new TreeMap<>(texts);
    all.put(
        language, new CookieText(FormValues.text(functionAndLocation), FormValues.text(purposes)));
    return new CookieEdit(
        FormValues.text(name),
        FormValues.ticked(wildcard),
        FormValues.text(provider),
        FormValues.text(category),
        FormValues.text(retention),
        Party.THIRD_PARTY.name().equals(party) ? Party.THIRD_PARTY : Party.FIRST_PARTY,
        FormValues.text(domain),
        FormValues.position(position, 100),
        all);
  }

  Long expectedVersion() {
    return FormValues.version(version);
  }
}
