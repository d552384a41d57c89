package io.consentplatform.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
    Path file = dataDirectory.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }

  /** A new random password, URL-safe base64 (nothing in it needs quoting in SQL). */
  static String generate() {
    byte[] random = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /**
   * Writes the password into {@code dataDirectory} unless one is kept there: created under a
   * temporary name with owner-only permissions and moved into place, so that the file is never
   * readable by others nor found half written.
   */
  static void keep(Path dataDirectory, String password) {
    Path file = dataDirectory.resolve(FILE);
    if (Files.exists(file)) {
      return;
    }
    Path partial = dataDirectory.resolve(FILE + ".partial");
    try {
      Files.deleteIfExists(partial);
      Files.createFile(
          partial,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(partial, password, StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("Another process is choosing the password of " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }
}
