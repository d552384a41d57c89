package io.consentplatform.admin;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the back office's CSRF double-submit cookie. quarkus-rest-csrf compares the form's token
 * with the cookie's value, whatever that value is: someone who can plant a cookie in the browser (a
 * sibling subdomain, a plain-HTTP answer on the way) could choose both halves. Here the token is
 * sixteen random bytes followed by their HMAC under a key derived from the session key, so only the
 * platform mints a value the check accepts: a cookie without a valid signature is removed from the
 * request before the REST layer reads it (a form then fails the check), and a page opened without a
 * valid cookie gets a freshly signed one, which the REST layer then reuses as its token.
 *
 * <p>Quarkus' own signed mode ({@code quarkus.rest-csrf.token-signature-key}) would issue a new
 * cookie on every page, so a second tab or the banner preview's frame would invalidate the form the
 * person is filling in; this one keeps the token for the cookie's lifetime.
 */
@ApplicationScoped
public class SignedCsrfCookie {

  /** Random bytes, then as many bytes of their HMAC: {@code quarkus.rest-csrf.token-size}. */
  static final int RANDOM_BYTES = 16;

  // Before anything reads the request's cookies, so that the REST layer sees the checked ones.
  private static final int ORDER = -2_200;

  private final SecureRandom random = new SecureRandom();
  private final String cookieName;
  private final long maxAgeSeconds;
  private final byte[] key;

  public SignedCsrfCookie(
      @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String cookieName,
      @ConfigProperty(name = "quarkus.rest-csrf.cookie-max-age", defaultValue = "2H")
          Duration maxAge,
      @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
          Optional<String> sessionKey) {
    this.cookieName = cookieName;
    this.maxAgeSeconds = maxAge.toSeconds();
    this.key = DerivedKey.of(sessionKey, "consent-platform back-office CSRF cookie");
  }

  void install(@Observes Router router) {
    router.route("/admin/*").order(ORDER).handler(this::check);
    router.route("/admin").order(ORDER).handler(this::check);
  }

  private void check(RoutingContext context) {
    HttpServerRequest request = context.request();
    Cookie presented = request.getCookie(cookieName);
    if (presented != null && !signed(presented.getValue())) {
      // Out of the request's cookie jar: the REST layer's check then finds no cookie.
      context.response().removeCookie(cookieName, false);
      presented = null;
    }
    if (presented == null && isSafe(request.method())) {
      // Into the jar, as a cookie of this answer: the REST layer takes it as the browser's token.
      context
          .response()
          .addCookie(
              Cookie.cookie(cookieName, mint())
                  .setPath("/admin")
                  .setHttpOnly(true)
                  .setMaxAge(maxAgeSeconds));
    }
    context.next();
  }

  /** A new signed token. */
  String mint() {
    byte[] token = new byte[RANDOM_BYTES * 2];
    byte[] nonce = new byte[RANDOM_BYTES];
    random.nextBytes(nonce);
    System.arraycopy(nonce, 0, token, 0, RANDOM_BYTES);
    System.arraycopy(signature(nonce), 0, token, RANDOM_BYTES, RANDOM_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** Whether {@code value} is a token this platform minted. */
  boolean signed(String value) {
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (token.length != RANDOM_BYTES * 2) {
      return false;
    }
    byte[] expected = signature(Arrays.copyOf(token, RANDOM_BYTES));
    return MessageDigest.isEqual(
        Arrays.copyOf(expected, RANDOM_BYTES),
        Arrays.copyOfRange(token, RANDOM_BYTES, RANDOM_BYTES * 2));
  }

  private byte[] signature(byte[] nonce) {
    return DerivedKey.hmac(key, nonce);
  }

  private static boolean isSafe(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD;
  }
}
