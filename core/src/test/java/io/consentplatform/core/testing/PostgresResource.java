package io.consentplatform.core.testing;

import io.consentplatform.core.db.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * Starts a real, empty PostgreSQL for a test suite and points the application at it as production
 * runs: connected as the runtime role, migrated as the owner role. Each suite gets a fresh data
 * directory, so migrations always run against an empty database.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedPostgresServer server;
  private Path dataDirectory;

  private static Path data;

  /** The running test database, for tests that check rows directly. */
  public static EmbeddedPostgresServer server() {
    return server;
  }

  /**
   * A connection as the database's superuser, for tests that tamper with what the application's own
   * role may not touch (proof of consent) or read the database behind its back.
   */
  public static Connection superuser() throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
  }

  /** A connection as the application's own runtime role, to show what it may not do. */
  public static Connection runtimeRole() throws SQLException {
    return DriverManager.getConnection(
        server.jdbcUrl(), EmbeddedPostgresServer.RUNTIME, server.runtimePassword());
  }

  /** The placeholders migrations need, for tests that run Flyway themselves. */
  public static Map<String, String> migrationPlaceholders() {
    return Map.of("runtime_role", EmbeddedPostgresServer.RUNTIME);
  }

  /** Stops the database, as an outage would; {@link #restart()} brings it back on its port. */
  public static synchronized void stopServer() {
    server.close();
  }

  /** Starts the stopped database again, with the same data on the same port. */
  public static synchronized void restart() {
    server = EmbeddedPostgresServer.start(data, server.port(), true);
  }

  /**
   * Loses the test database and restores {@code backup} on a fresh server in its place, as an
   * operator would: same port, the platform's roles with the passwords the application was given,
   * the schema migrated by the owner to the same version, then the data restored by the superuser.
   */
  public static synchronized void restoreOnFreshServer(LogicalBackup backup) throws Exception {
    int port = server.port();
    Path earlier = data;
    server.close();
    data = earlier.resolveSibling(earlier.getFileName() + "-restored");
    server = EmbeddedPostgresServer.start(data, port, true);
    for (String role : List.of(EmbeddedPostgresServer.OWNER, EmbeddedPostgresServer.RUNTIME)) {
      Path kept = earlier.resolve(role + ".password");
      Files.copy(kept, data.resolve(role + ".password"), StandardCopyOption.REPLACE_EXISTING);
      try (Connection connection = superuser();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "alter role " + role + " password '" + Files.readString(kept).strip() + "'");
      }
    }
    Flyway.configure()
        .dataSource(server.jdbcUrl(), EmbeddedPostgresServer.OWNER, server.ownerPassword())
        .locations("classpath:db/migration")
        .placeholders(migrationPlaceholders())
        .load()
        .migrate();
    try (Connection connection = superuser()) {
      backup.restoreInto(connection);
    }
  }

  @Override
  public Map<String, String> start() {
    try {
      dataDirectory = Files.createTempDirectory("consent-test-pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    data = dataDirectory.resolve("data");
    server = EmbeddedPostgresServer.start(data, 0, true);
    return Map.of(
        "quarkus.datasource.jdbc.url", server.jdbcUrl(),
        "quarkus.datasource.username", EmbeddedPostgresServer.RUNTIME,
        "quarkus.datasource.password", server.runtimePassword(),
        "quarkus.flyway.username", EmbeddedPostgresServer.OWNER,
        "quarkus.flyway.password", server.ownerPassword(),
        // Generated secrets (a receipt key) go where the database's files are, not into the module.
        "consent.embedded-db.data-dir", data.toString(),
        // The suites' fixtures are the demo site, which an external database gets only when asked.
        "consent.demo.enabled", "true");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
