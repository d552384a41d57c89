package io.consentplatform.core.tenant;

import java.util.Locale;
import java.util.Optional;

/**
 * What a local account's password must be: long enough to resist guessing, short enough for bcrypt
 * (which reads 72 bytes), and not the e-mail address. No composition rules: length protects more
 * (NIST SP 800-63B, 5.1.1).
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 10;

  /** bcrypt ignores what comes after its 72nd byte; more would only seem to count. */
  public static final int MAX_BYTES = 72;

  /** What is wrong with a password. */
  public enum Fault {
    TOO_SHORT,
    TOO_LONG,
    SAME_AS_EMAIL
  }

  private PasswordRules() {}

  /** The first rule {@code password} breaks for the account {@code email}, if any. */
  public static Optional<Fault> check(String email, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of(Fault.TOO_SHORT);
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of(Fault.TOO_LONG);
    }
    if (email != null
        && password.strip().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))) {
      return Optional.of(Fault.SAME_AS_EMAIL);
    }
    return Optional.empty();
  }
}
