package io.consentplatform.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server run from binaries shipped in a jar: the zero-configuration database of
 * the packaged platform and the database of the test suites. Not for production, where an external
 * PostgreSQL is configured.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  /** The database the platform uses inside the server. */
  public static final String DATABASE = "consent";

  private final EmbeddedPostgres postgres;
  private final ParentWatchdog watchdog;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, ParentWatchdog watchdog) {
    this.postgres = postgres;
    this.watchdog = watchdog;
  }

  /**
   * Starts a server on {@code dataDirectory}, creating it on the first start and keeping it
   * afterwards, so that data survives restarts. A server left running there by a process that died
   * is stopped first; a directory that a live process uses is refused.
   *
   * @param port the port to listen on, or 0 for any free one
   * @param stopOnJvmExit whether a JVM shutdown hook stops the server; an application that must
   *     finish its own shutdown first passes false and calls {@link #close()} itself
   * @throws DataDirectoryInUse when another live process runs a server on that directory
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean stopOnJvmExit) {
    // Absolute, so that the server's command line names the directory it serves.
    Path directory = dataDirectory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + directory, e);
    }
    DataDirectoryOwner.refuseIfOwned(directory);
    LeftoverPostmaster.stopIfRunning(directory);
    ParentWatchdog watchdog = ParentWatchdog.start(directory);
    EmbeddedPostgres postgres;
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(stopOnJvmExit)
              // A first start extracts the binaries and runs initdb: allow a slow disk.
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on");
      if (port > 0) {
        builder.setPort(port);
      }
      postgres = builder.start();
    } catch (IllegalStateException lockTaken) {
      // Another process took the directory between the check and the start: its server is not ours.
      watchdog.watch(0);
      watchdog.close();
      DataDirectoryOwner.refuseIfOwned(directory);
      throw lockTaken;
    } catch (IOException | RuntimeException e) {
      // Whatever this start left running is the watchdog's to stop: it reads the pid file.
      watchdog.close();
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in " + directory,
          e instanceof IOException io ? io : new IOException(e));
    }
    watchdog.watch(PostmasterPid.in(directory).map(PostmasterPid::pid).orElse(0L));
    DataDirectoryOwner.claim(directory);
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, watchdog);
    server.createDatabaseIfMissing();
    return server;
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
  }

  /** The embedded server trusts local connections; this is its superuser. */
  public String username() {
    return "postgres";
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (exists.next()) {
          return;
        }
      }
      statement.execute("create database " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + DATABASE, e);
    }
  }

  /** Stops the server (fast shutdown, waiting for it); a second call does nothing. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      watchdog.close();
    }
  }
}
