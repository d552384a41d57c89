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
import java.util.Map;
import java.util.Optional;

/**
 * A real PostgreSQL server run from binaries shipped in a jar: the zero-configuration database of
 * the packaged platform and the database of the test suites. Not for production, where an external
 * PostgreSQL is configured. It listens on loopback only and asks for its superuser's password,
 * generated on the first start and kept in the data directory ({@link SuperuserPassword}).
 *
 * <p>It sets up the platform's two roles by itself (see docs/deploy.md for an external server): the
 * owner, which owns the schema and runs the migrations, and the runtime role the application
 * connects as, which may read and add proof of consent but never change or remove it. Their
 * passwords are generated once and kept in the data directory too.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  /** The database the platform uses inside the server. */
  public static final String DATABASE = "consent";

  /** The role that owns the schema and runs migrations (Flyway's credentials). */
  public static final String OWNER = "consent_owner";

  /** The role the application connects as: no table is its own. */
  public static final String RUNTIME = "consent_app";

  /**
   * Who may connect once the server runs: a password on every connection, the socket file's
   * included; the server listens on loopback only, so no other machine gets that far.
   */
  private static final String HOST_BASED_AUTHENTICATION =
      """
      # Written by the consent platform at each start: every connection gives the password.
      local all all scram-sha-256
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final ParentWatchdog watchdog;
  private final String password;
  private final Path directory;

  private EmbeddedPostgresServer(
      EmbeddedPostgres postgres, ParentWatchdog watchdog, String password, Path directory) {
    this.postgres = postgres;
    this.watchdog = watchdog;
    this.password = password;
    this.directory = directory;
  }

  /**
   * The superuser's password kept in {@code dataDirectory}, for a tool that connects to a server
   * another process started there; empty before its first start.
   */
  public static Optional<String> passwordIn(Path dataDirectory) {
    return SuperuserPassword.in(dataDirectory.toAbsolutePath().normalize());
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
    // A new server trusts everyone until requirePassword: the password is then simply not needed.
    String password = SuperuserPassword.in(directory).orElseGet(SuperuserPassword::generate);
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
              // PostgreSQL's own default, written out so that no configuration file widens it.
              .setServerConfig("listen_addresses", "localhost")
              // How the library checks that the server is up.
              .setConnectConfig("password", password)
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
    EmbeddedPostgresServer server;
    try {
      // initdb wants an empty directory: the password file is written once the server has run.
      SuperuserPassword.keep(directory, password);
      server = new EmbeddedPostgresServer(postgres, watchdog, password, directory);
      server.requirePassword(directory);
      server.createDatabaseIfMissing();
      server.setUpRoles();
    } catch (RuntimeException e) {
      closeQuietly(postgres, watchdog);
      throw e;
    }
    return server;
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
  }

  /** Its superuser: for setting the server up, and for tests that tamper with what it holds. */
  public String username() {
    return "postgres";
  }

  /** The superuser's password. */
  public String password() {
    return password;
  }

  /** The owner role's password, kept in the data directory. */
  public String ownerPassword() {
    return rolePassword(OWNER);
  }

  /** The runtime role's password, kept in the data directory. */
  public String runtimePassword() {
    return rolePassword(RUNTIME);
  }

  private String rolePassword(String role) {
    return DataDirectorySecrets.readOrCreate(
        directory, role + ".password", SuperuserPassword::generate);
  }

  /**
   * Creates the owner and runtime roles (or sets their kept passwords again), gives the database to
   * the owner, and hands the owner whatever an earlier version created as the superuser, so that
   * the migrations, run as the owner, can go on from there. The grants themselves are a migration's
   * (V19), the same on every server.
   */
  private void setUpRoles() {
    try (Connection connection = superuser(DATABASE);
        Statement statement = connection.createStatement()) {
      // createrole: migration V6 creates consent_tenant, which V19 grants to the runtime role.
      role(statement, OWNER, "login createrole", ownerPassword());
      role(statement, RUNTIME, "login", runtimePassword());
      statement.execute("alter database " + DATABASE + " owner to " + OWNER);
      statement.execute(
          """
          do $$
          declare
              r record;
          begin
              if exists (select from pg_roles where rolname = 'consent_tenant') then
                  grant consent_tenant to %1$s with admin option;
              end if;
              for r in select c.oid::regclass as name from pg_class c
                       join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
                         and c.relowner = 'postgres'::regrole loop
                  execute format('alter table %%s owner to %1$s', r.name);
              end loop;
              -- Sequences that belong to no column: the others moved with their tables.
              for r in select c.oid::regclass as name from pg_class c
                       join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname = 'public' and c.relkind = 'S'
                         and c.relowner = 'postgres'::regrole loop
                  execute format('alter sequence %%s owner to %1$s', r.name);
              end loop;
              for r in select p.oid::regprocedure as name from pg_proc p
                       join pg_namespace n on n.oid = p.pronamespace
                       where n.nspname = 'public' and p.proowner = 'postgres'::regrole loop
                  execute format('alter routine %%s owner to %1$s', r.name);
              end loop;
          end;
          $$
          """
              .formatted(OWNER));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set up the database roles", e);
    }
  }

  private static void role(Statement statement, String role, String options, String password)
      throws SQLException {
    boolean exists;
    try (ResultSet row =
        statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
      exists = row.next();
    }
    // The passwords are URL-safe base64: nothing in them needs quoting.
    statement.execute(
        (exists ? "alter role " : "create role ")
            + role
            + " "
            + options
            + " password '"
            + password
            + "'");
  }

  /**
   * Gives the superuser its password and makes the server ask for it. The server library starts
   * every new server trusting anyone who connects; on the first start (and on a data directory from
   * before this rule) that is how this connection gets in, afterwards it uses the password.
   */
  private void requirePassword(Path directory) {
    Path rules = directory.resolve("pg_hba.conf");
    try (Connection connection = superuser("postgres");
        Statement statement = connection.createStatement()) {
      // The password is URL-safe base64: nothing in it needs quoting.
      statement.execute("alter role postgres password '" + password + "'");
      if (!HOST_BASED_AUTHENTICATION.equals(Files.readString(rules))) {
        Files.writeString(rules, HOST_BASED_AUTHENTICATION);
        statement.execute("select pg_reload_conf()");
        awaitRulesInForce();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not set the embedded PostgreSQL's password (kept in "
              + directory.resolve(SuperuserPassword.FILE)
              + ")",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + rules, e);
    }
  }

  /**
   * The server reads its new rules on a signal, a moment after the reload is asked for: until a
   * connection without the password is refused, the old rules still let one in.
   */
  private void awaitRulesInForce() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection unchecked =
          postgres.getDatabase(username(), "postgres", Map.of()).getConnection()) {
        // Still let in: try again.
      } catch (SQLException refused) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException(
        "The embedded PostgreSQL still lets in connections without a password");
  }

  private Connection superuser(String database) throws SQLException {
    return postgres.getDatabase(username(), database, Map.of("password", password)).getConnection();
  }

  private static void closeQuietly(EmbeddedPostgres postgres, ParentWatchdog watchdog) {
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      // The failure that got here is the one to report.
    } finally {
      watchdog.close();
    }
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = superuser("postgres");
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
