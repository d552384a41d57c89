package io.consentplatform.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL lets in only whoever has its password, and only from this machine. */
class EmbeddedPostgresServerTest {

  @TempDir Path workDir;

  @Test
  void shouldRefuseAConnectionWithoutThePassword() throws Exception {
    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(workDir.resolve("data"), 0, true)) {
      SQLException none =
          assertThrows(
              SQLException.class,
              () -> DriverManager.getConnection(server.jdbcUrl(), "postgres", ""));
      // The driver gives up when the server asks for a password it has not got.
      assertTrue(
          none.getMessage().contains("The server requested SCRAM-based authentication"),
          none.getMessage());
      SQLException wrong =
          assertThrows(
              SQLException.class,
              () -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres"));
      assertEquals("28P01", wrong.getSQLState(), "invalid_password");

      try (Connection connection =
              DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
          ResultSet listen = connection.createStatement().executeQuery("show listen_addresses")) {
        listen.next();
        assertEquals("localhost", listen.getString(1));
      }
    }
  }

  @Test
  void shouldKeepThePasswordReadableByItsOwnerOnlyAcrossRestarts() throws Exception {
    Path data = workDir.resolve("data");
    String password;
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true)) {
      password = server.password();
    }
    assertTrue(password.length() >= 32, "a long random password: " + password.length());
    Path file = data.resolve("consent-superuser.password");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(password, Files.readString(file).strip());
    assertEquals(Optional.of(password), EmbeddedPostgresServer.passwordIn(data));

    try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, 0, true)) {
      assertEquals(password, again.password());
      assertThrows(
          SQLException.class, () -> DriverManager.getConnection(again.jdbcUrl(), "postgres", ""));
      try (Connection connection =
          DriverManager.getConnection(again.jdbcUrl(), "postgres", password)) {
        assertTrue(connection.isValid(5));
      }
    }
  }

  /**
   * A data directory of an earlier version, whose schema the superuser built and owned: the next
   * start hands it to the owner role, which then migrates on, and the application's role can record
   * but not remove.
   */
  @Test
  void shouldHandAnEarlierInstallationsSchemaToTheOwnerRole() throws Exception {
    Path data = workDir.resolve("data");
    try (EmbeddedPostgresServer earlier = EmbeddedPostgresServer.start(data, 0, true)) {
      Flyway.configure()
          .dataSource(earlier.jdbcUrl(), earlier.username(), earlier.password())
          .locations("classpath:db/migration")
          .target(MigrationVersion.fromVersion("17"))
          .load()
          .migrate();
      try (Connection superuser =
              DriverManager.getConnection(earlier.jdbcUrl(), "postgres", earlier.password());
          Statement statement = superuser.createStatement()) {
        // As the earlier version did: every object the superuser's.
        statement.execute("reassign owned by consent_owner to postgres");
      }
    }
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true)) {
      MigrateResult result =
          Flyway.configure()
              .dataSource(server.jdbcUrl(), EmbeddedPostgresServer.OWNER, server.ownerPassword())
              .locations("classpath:db/migration")
              .placeholders(Map.of("runtime_role", EmbeddedPostgresServer.RUNTIME))
              .load()
              .migrate();
      assertTrue(result.success);
      try (Connection superuser =
              DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
          ResultSet owners =
              superuser
                  .createStatement()
                  .executeQuery(
                      "select string_agg(distinct pg_get_userbyid(relowner), ',') from pg_class"
                          + " where relnamespace = 'public'::regnamespace")) {
        owners.next();
        assertEquals(EmbeddedPostgresServer.OWNER, owners.getString(1));
      }
      try (Connection runtime =
              DriverManager.getConnection(
                  server.jdbcUrl(), EmbeddedPostgresServer.RUNTIME, server.runtimePassword());
          Statement statement = runtime.createStatement()) {
        assertEquals(
            1,
            statement.executeUpdate(
                "insert into tenant (slug, name) values ('earlier', 'Earlier')"));
        SQLException refused =
            assertThrows(
                SQLException.class, () -> statement.executeUpdate("delete from consent_record"));
        assertEquals("42501", refused.getSQLState());
      }
    }
  }

  @Test
  void shouldNotListenOnTheMachinesOtherAddresses() throws Exception {
    Optional<InetAddress> outside = nonLoopbackAddress();
    Assumptions.assumeTrue(outside.isPresent(), "this machine has an address besides loopback");
    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(workDir.resolve("data"), 0, true)) {
      try (Socket socket = new Socket()) {
        assertThrows(
            IOException.class,
            () -> socket.connect(new InetSocketAddress(outside.get(), server.port()), 2000),
            "nothing listens on " + outside.get().getHostAddress());
      }
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
