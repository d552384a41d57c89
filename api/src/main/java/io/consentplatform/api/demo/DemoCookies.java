package io.consentplatform.api.demo;

import io.consentplatform.core.demo.DemoSite;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The three cookies the real portal's server sets (a Django application), set by the demo pages as
 * it does, with Django's default lifetimes, which are also the retentions the demo site declares:
 * the session (two weeks, hidden from scripts), the CSRF token (52 weeks) and the language (the
 * browser session). They are the one exception to the platform's rule that no answer sets a cookie:
 * the demo imitates a tenant's site, and a scan of it must find what the portal stores. They are
 * host-only on {@value DemoSite#LOCAL_HOST} and limited to the demo's path, so that they never
 * travel to the back office or the API.
 */
final class DemoCookies {

  static final String SESSION = "sessionid";
  static final String CSRF = "csrftoken";
  static final String LANGUAGE = "django_language";

  private static final long TWO_WEEKS = 14 * 86_400L;
  private static final long FIFTY_TWO_WEEKS = 52 * 7 * 86_400L;
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private DemoCookies() {}

  /**
   * The {@code Set-Cookie} values for the cookies {@code request} does not carry yet: as Django,
   * the portal sets each once and the browser keeps it for its lifetime.
   */
  static List<String> missingFrom(HttpServerRequest request) {
    List<String> headers = new ArrayList<>(3);
    if (absent(request, SESSION)) {
      headers.add(
          SESSION
              + "="
              + random(32)
              + path()
              + "; Max-Age="
              + TWO_WEEKS
              + "; HttpOnly; SameSite=Lax");
    }
    if (absent(request, CSRF)) {
      headers.add(
          CSRF + "=" + random(32) + path() + "; Max-Age=" + FIFTY_TWO_WEEKS + "; SameSite=Lax");
    }
    if (absent(request, LANGUAGE)) {
      headers.add(LANGUAGE + "=en" + path());
    }
    return headers;
  }

  private static boolean absent(HttpServerRequest request, String name) {
    Cookie cookie = request.getCookie(name);
    return cookie == null || cookie.getValue().isEmpty();
  }

  private static String path() {
    return "; Path=" + DemoSite.PATH;
  }

  private static String random(int length) {
    // A generator of its own: one in a static field would be made while the native executable is
    // built, with its seed frozen into it (GraalVM refuses to build; NativeHeapTest).
    SecureRandom random = new SecureRandom();
    StringBuilder value = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return value.toString();
  }
}
