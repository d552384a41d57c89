package io.consentplatform.app;

import io.consentplatform.core.db.EmbeddedPostgresServer;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Starts the platform. With no database configured it first starts an embedded PostgreSQL whose
 * data survives restarts, so that a newcomer needs nothing but a JDK; with {@code
 * QUARKUS_DATASOURCE_JDBC_URL} set it uses that database and starts none.
 *
 * <p>The embedded database is configured, like everything else, in application.properties or the
 * environment; these keys are read here, before the application and its config mappings exist.
 */
@QuarkusMain
public class ConsentPlatformMain {

  /** Directory holding the embedded database's files, kept across restarts. */
  static final String DATA_DIR = "consent.embedded-db.data-dir";

  /** Port of the embedded database on localhost; 0 picks a free one at each start. */
  static final String PORT = "consent.embedded-db.port";

  private static final Logger LOG = Logger.getLogger(ConsentPlatformMain.class);

  public static void main(String... args) {
    Config config = ConfigProvider.getConfig();
    if (config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isPresent()) {
      Quarkus.run(args);
      return;
    }
    Path dataDir = Path.of(config.getOptionalValue(DATA_DIR, String.class).orElse("data"));
    int port = config.getOptionalValue(PORT, Integer.class).orElse(0);
    EmbeddedPostgresServer database = EmbeddedPostgresServer.start(dataDir, port, false);
    LOG.infof(
        "No external database configured: started the embedded PostgreSQL on port %d with its"
            + " data in %s",
        database.port(), dataDir.toAbsolutePath().normalize());
    System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
    System.setProperty("quarkus.datasource.username", database.username());
    System.setProperty("quarkus.datasource.password", "");
    // The database stops only after the application has stopped and released its connections.
    Quarkus.run(
        null,
        (exitCode, failure) -> {
          database.close();
          ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(exitCode, failure);
        },
        args);
  }
}
