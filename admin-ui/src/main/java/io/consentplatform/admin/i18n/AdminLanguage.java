package io.consentplatform.admin.i18n;

import io.consentplatform.core.text.Languages;
import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * The language the back office speaks to the person using it: the one they chose with the switcher
 * (cookie {@value #COOKIE}), else the best match of their browser's {@code Accept-Language}, else
 * English. This is the person's language, not the language of the texts a page edits, which each
 * site chooses (see {@code Languages}).
 */
@RequestScoped
@Named("adminLanguage")
public class AdminLanguage {

  /**
   * Remembers the person's choice, on the back office's path only. A cookie rather than a column on
   * the member: the sign-in page speaks it before anyone is signed in, and one person in several
   * tenants chooses once.
   */
  public static final String COOKIE = "admin_lang";

  /** The languages the back office is written in; the first is the fallback. */
  public static final List<String> OFFERED = List.of("en", "fr");

  private final HttpServerRequest request;
  private String code;

  public AdminLanguage(HttpServerRequest request) {
    this.request = request;
  }

  /**
   * The current request's language, for the static helpers every page calls (notices, form errors,
   * error pages): looking it up here spares threading it through every page's methods.
   */
  public static AdminLanguage current() {
    return Arc.container().instance(AdminLanguage.class).get();
  }

  /** The language's code, as {@code <html lang>} takes it: {@code en} or {@code fr}. */
  public String code() {
    if (code == null) {
      code = choose(cookie(), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
    return code;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code());
  }

  /** The back office's texts in this language, for Java code. */
  public AdminMessages messages() {
    return MessageBundles.get(AdminMessages.class, Localized.Literal.of(code()));
  }

  /** The texts of signing in, invitations and passwords in this language, for Java code. */
  public AccountMessages accountMessages() {
    return MessageBundles.get(AccountMessages.class, Localized.Literal.of(code()));
  }

  /** The texts of a site's scans in this language, for Java code. */
  public ScanMessages scanMessages() {
    return MessageBundles.get(ScanMessages.class, Localized.Literal.of(code()));
  }

  /** The page being shown, path and query, for the switcher to come back to. */
  public String here() {
    return request.uri();
  }

  /** Whether {@code language} is the one pages are shown in, for the switcher. */
  public boolean is(String language) {
    return code().equals(language);
  }

  private String cookie() {
    Cookie chosen = request.getCookie(COOKIE);
    return chosen == null ? null : chosen.getValue();
  }

  static String choose(String chosen, String acceptLanguage) {
    return Languages.choose(chosen, acceptLanguage, OFFERED, OFFERED.get(0));
  }
}
