package io.consentplatform.app;

import io.consentplatform.core.db.DataDirectoryInUse;
import io.consentplatform.core.db.EmbeddedPostgresServer;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Starts the platform. With no database configured it first starts an embedded PostgreSQL whose
 * data survives restarts, so that a newcomer needs nothing but a JDK; with {@code
 * QUARKUS_DATASOURCE_JDBC_URL} set it uses that database and starts none.
 *
 * <p>The native executable never starts an embedded database: it refuses to start without an
 * external one.
 *
 * <p>The embedded database is configured, like everything else, in application.properties or the
 * environment; these keys are read here, before the application and its config mappings exist,
 * through {@link LaunchConfig}, which reads the environment in the native executable too.
 */
@QuarkusMain
public class ConsentPlatformMain {

  /** Directory holding the embedded database's files, kept across restarts. */
  static final String DATA_DIR = "consent.embedded-db.data-dir";

  /** Port of the embedded database on localhost; 0 picks a free one at each start. */
  static final String PORT = "consent.embedded-db.port";

  /** Tells the application that it runs on the embedded database (CoreConfig.EmbeddedDb). */
  static final String EMBEDDED = "consent.embedded-db.running";

  /** Whether the demo tenant is created; unset, only on the embedded database. */
  static final String DEMO = "consent.demo.enabled";

  /** Key of the back office's encrypted session cookie. */
  static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";

  private static final Logger LOG = Logger.getLogger(ConsentPlatformMain.class);

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public static void main(String... args) {
    Config config = LaunchConfig.read();
    if (config.getOptionalValue(SESSION_KEY, String.class).isEmpty()) {
      // Quarkus would make one up too, but print it in the log; this one stays in memory. Several
      // instances must share one key: set it in the environment.
      System.setProperty(SESSION_KEY, randomKey());
    }
    if (config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isPresent()) {
      Quarkus.run(args);
      return;
    }
    if (ImageMode.current() == ImageMode.NATIVE_RUN) {
      // The embedded PostgreSQL unpacks and runs JVM-packaged binaries: a laptop convenience that
      // the native executable, made for containers, does not carry.
      System.err.println(
          "The native executable needs an external PostgreSQL: set QUARKUS_DATASOURCE_JDBC_URL,"
              + " QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD (the runtime role),"
              + " QUARKUS_FLYWAY_USERNAME and QUARKUS_FLYWAY_PASSWORD (the owner role).");
      System.exit(1);
    }
    runOnEmbeddedDatabase(config, args);
  }

  /**
   * Starts the embedded database, then the application on it; the database stops after the
   * application, however the platform is stopped (see {@link EmbeddedDatabaseLifecycle}).
   */
  private static void runOnEmbeddedDatabase(Config config, String... args) {
    Path dataDir = Path.of(config.getOptionalValue(DATA_DIR, String.class).orElse("data"));
    int port = config.getOptionalValue(PORT, Integer.class).orElse(0);
    EmbeddedDatabaseLifecycle lifecycle = EmbeddedDatabaseLifecycle.begin();
    try {
      EmbeddedPostgresServer database;
      try {
        database = EmbeddedPostgresServer.start(dataDir, port, false);
      } catch (DataDirectoryInUse inUse) {
        System.err.println(inUse.getMessage());
        lifecycle.applicationDone();
        System.exit(1);
        return;
      }
      lifecycle.started(database);
      if (lifecycle.jvmStopping()) {
        return; // stopped while the database was starting: the finally below stops it
      }
      LOG.infof(
          "No external database configured: started the embedded PostgreSQL on port %d with its"
              + " data in %s",
          database.port(), dataDir.toAbsolutePath().normalize());
      System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
      // The application runs as a role that cannot change proof of consent; migrations as the
      // owner of the schema (docs/deploy.md, Database roles).
      System.setProperty("quarkus.datasource.username", EmbeddedPostgresServer.RUNTIME);
      System.setProperty("quarkus.datasource.password", database.runtimePassword());
      System.setProperty("quarkus.flyway.username", EmbeddedPostgresServer.OWNER);
      System.setProperty("quarkus.flyway.password", database.ownerPassword());
      System.setProperty(EMBEDDED, "true");
      if (config.getOptionalValue(DEMO, Boolean.class).isEmpty()) {
        // The newcomer's laptop: the demo shows what the platform does. On any other database it
        // is created only when asked for, so that no production tenant list carries it.
        System.setProperty(DEMO, "true");
      }
      // The database stops only after the application has stopped and released its connections.
      Quarkus.run(
          null,
          (exitCode, failure) -> {
            lifecycle.applicationDone();
            ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(exitCode, failure);
          },
          args);
    } finally {
      lifecycle.applicationDone();
    }
  }
}
