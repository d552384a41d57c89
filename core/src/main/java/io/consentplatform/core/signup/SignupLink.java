package io.consentplatform.core.signup;

import java.time.Instant;

/**
 * A sign-up's confirmation link just made: its secret exists only here, to be mailed.
 *
 * @param hasAccount whether the address has a local account already, whose password confirms it
 */
public record SignupLink(
    String email,
    String organisation,
    String language,
    String token,
    Instant expiresAt,
    boolean hasAccount) {

  /** The link's address under {@code base}, the platform's public address. */
  public String url(String base) {
    return (base.endsWith("/") ? base : base + "/") + "admin/signup/confirm/" + token;
  }
}
