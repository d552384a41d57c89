package io.consentplatform.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Secrets the platform makes up by itself when none is configured (a laptop's keys and passwords),
 * kept in the data directory in files only their owner may read, so that they survive restarts.
 */
public final class DataDirectorySecrets {

  private DataDirectorySecrets() {}

  /** The secret kept in {@code file} of {@code directory}, if there is one. */
  public static Optional<String> read(Path directory, String file) {
    Path path = directory.resolve(file);
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }

  /**
   * The secret kept in {@code file}, or a new one from {@code generate} written there first:
   * created under a temporary name with owner-only permissions and moved into place, so that it is
   * never readable by others nor found half written.
   */
  public static String readOrCreate(Path directory, String file, Supplier<String> generate) {
    Optional<String> kept = read(directory, file);
    if (kept.isPresent()) {
      return kept.get();
    }
    String secret = generate.get();
    Path path = directory.resolve(file);
    Path partial = directory.resolve(file + ".partial");
    try {
      Files.createDirectories(directory);
      Files.deleteIfExists(partial);
      Files.createFile(
          partial,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(partial, secret, StandardCharsets.UTF_8);
      Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("Another process is choosing the secret in " + path, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + path, e);
    }
    return secret;
  }
}
