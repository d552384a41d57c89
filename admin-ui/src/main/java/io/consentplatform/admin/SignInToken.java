package io.consentplatform.admin;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token of the sign-in form, which posts to the form sign-in's own address ({@code
 * /j_security_check}, outside the REST layer that checks every other form's token): the form
 * carries a random token, a cookie sent only to that address carries its signature. A page of
 * another site can make a browser post the form, but cannot read or forge the pair, so that nobody
 * signs a visitor into the attacker's account.
 */
@ApplicationScoped
public class SignInToken {

  /** The cookie; it travels only with the sign-in's post. */
  static final String COOKIE = "cp_signin";

  /** The form field. */
  static final String FIELD = "signin-token";

  static final String POST_PATH = "/j_security_check";

  private final SecureRandom random = new SecureRandom();
  private final byte[] key;

  /** Signs with a key derived from the session key (DerivedKey). */
  public SignInToken(
      @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
          Optional<String> sessionKey) {
    this.key = DerivedKey.of(sessionKey, "consent-platform sign-in form");
  }

  /** A new token for a form; {@link #cookie} is its partner. */
  public String issue() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The cookie that goes with the form's {@code token}. */
  public Cookie cookie(String token) {
    return Cookie.cookie(COOKIE, signature(token))
        .setPath(POST_PATH)
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT);
  }

  /** Whether the post carries a token and the cookie made for it. */
  boolean sentWith(HttpServerRequest post) {
    String token = post.getFormAttribute(FIELD);
    Cookie cookie = post.getCookie(COOKIE);
    if (token == null || token.isEmpty() || token.length() > 100 || cookie == null) {
      return false;
    }
    return MessageDigest.isEqual(
        signature(token).getBytes(StandardCharsets.US_ASCII),
        cookie.getValue().getBytes(StandardCharsets.US_ASCII));
  }

  private String signature(String token) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            DerivedKey.hmac(key, ("sign-in|" + token).getBytes(StandardCharsets.UTF_8)));
  }
}
