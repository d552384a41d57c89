package io.consentplatform.core.scan;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.scan.report.CookieDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Open Cookie Database scans classify with: the copy shipped with the platform, or the newer
 * CSV {@code consent.scanner.cookie-database} names. Read once, on the first scan.
 */
@ApplicationScoped
class CookieDatabases {

  private final CoreConfig.Scanner config;
  private volatile CookieDatabase current;

  CookieDatabases(CoreConfig config) {
    this.config = config.scanner();
  }

  CookieDatabase current() {
    CookieDatabase loaded = current;
    if (loaded == null) {
      synchronized (this) {
        if (current == null) {
          current = load();
        }
        loaded = current;
      }
    }
    return loaded;
  }

  private CookieDatabase load() {
    if (config.cookieDatabase().isEmpty()) {
      return CookieDatabase.shipped();
    }
    Path file = Path.of(config.cookieDatabase().get());
    try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CookieDatabase.read(csv);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the cookie database " + file, e);
    }
  }
}
