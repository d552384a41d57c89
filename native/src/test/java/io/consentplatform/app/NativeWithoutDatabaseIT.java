package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native executable carries no embedded database: started without one, it says what to set and
 * exits, instead of failing later. Runs only against a native executable (build-native.sh).
 */
@EnabledIfSystemProperty(named = "native.image.path", matches = ".+")
class NativeWithoutDatabaseIT {

  @TempDir Path workDir;

  @Test
  void shouldRefuseToStartWithoutAnExternalDatabase() throws Exception {
    Platform platform = Platform.start(workDir, "no-database.log", Map.of());

    assertTrue(platform.process.waitFor(30, TimeUnit.SECONDS), "exits by itself");
    assertEquals(1, platform.process.exitValue());
    assertTrue(
        Files.readString(platform.log).contains("needs an external PostgreSQL"),
        "says what is missing");
  }
}
