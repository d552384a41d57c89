package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What the launcher reads before Quarkus starts. The native executable once ignored a database
 * given in the environment: this runs without a native build and fails on the same mistake.
 */
class LaunchConfigTest {

  private static final String URL = "quarkus.datasource.jdbc.url";

  @Test
  void shouldReadTheDatabaseFromTheEnvironmentAsAContainerIsGivenIt() {
    var config =
        LaunchConfig.read(
            Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/consent"),
            new Properties());

    assertEquals("jdbc:postgresql://db:5432/consent", config.getValue(URL, String.class));
  }

  @Test
  void shouldLetASystemPropertyOverTheEnvironmentAndBothOverTheApplicationsFile() {
    Properties system = new Properties();
    system.setProperty(URL, "jdbc:postgresql://from-a-property/consent");
    var config =
        LaunchConfig.read(
            Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://from-the-environment/consent",
                "CONSENT_EMBEDDED_DB_PORT", "15432"),
            system);

    assertEquals("jdbc:postgresql://from-a-property/consent", config.getValue(URL, String.class));
    assertEquals(15432, config.getValue(ConsentPlatformMain.PORT, Integer.class));
    // Set in application.properties only.
    assertEquals("data", config.getValue(ConsentPlatformMain.DATA_DIR, String.class));
  }

  @Test
  void shouldLeaveTheDatabaseUnsetWhenNothingNamesOne() {
    assertFalse(
        LaunchConfig.read(Map.of(), new Properties())
            .getOptionalValue(URL, String.class)
            .isPresent());
  }

  /**
   * The configuration frozen into a native image holds no environment: what runs before Quarkus
   * starts must not read it.
   */
  @Test
  void shouldNotReadTheImagesFrozenConfigurationBeforeQuarkusStarts() throws IOException {
    for (Class<?> launcher :
        new Class<?>[] {ConsentPlatformMain.class, EmbeddedDatabaseLifecycle.class}) {
      String name = launcher.getName().replace('.', '/') + ".class";
      try (InputStream bytes = launcher.getClassLoader().getResourceAsStream(name)) {
        String constants = new String(bytes.readAllBytes(), StandardCharsets.ISO_8859_1);
        assertFalse(
            constants.contains("org/eclipse/microprofile/config/ConfigProvider"),
            launcher.getSimpleName() + " reads ConfigProvider: use LaunchConfig");
      }
    }
  }
}
