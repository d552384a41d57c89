package io.consentplatform.core.db;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The embedded server's superuser password: generated once, kept in the data directory in a file
 * only its owner may read, so that nobody else on the machine can connect to the database (the
 * server library initialises every server with {@code -A trust}).
 */
final class SuperuserPassword {

  /** The file in the data directory; PostgreSQL ignores files it does not know. */
  static final String FILE = "consent-superuser.password";

  private static final int RANDOM_BYTES = 24;

  private SuperuserPassword() {}

  /** The password kept in {@code dataDirectory}, if one was chosen already. */
  static Optional<String> in(Path dataDirectory) {
    return DataDirectorySecrets.read(dataDirectory, FILE);
  }

  /** A new random password, URL-safe base64 (nothing in it needs quoting in SQL). */
  static String generate() {
    byte[] random = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** Writes the password into {@code dataDirectory} unless one is kept there. */
  static void keep(Path dataDirectory, String password) {
    DataDirectorySecrets.keep(dataDirectory, FILE, password);
  }
}
