package io.consentplatform.app;

import io.consentplatform.core.db.EmbeddedPostgresServer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the test database holds, read over plain JDBC behind the platform's back. */
final class Records {

  private Records() {}

  /** Where a test database listens, its superuser's password and those of the platform's roles. */
  record Db(int port, String password, String ownerPassword, String runtimePassword) {}

  static Db of(EmbeddedPostgresServer server) {
    return new Db(
        server.port(), server.password(), server.ownerPassword(), server.runtimePassword());
  }

  static String jdbcUrl(int dbPort) {
    return "jdbc:postgresql://localhost:" + dbPort + "/" + EmbeddedPostgresServer.DATABASE;
  }

  /**
   * How a platform under test reaches this database; its visitors are the test's writers, one
   * address sending hundreds a second as no visitor does, so the rate limit is out of the way.
   */
  static Map<String, String> platformOn(Db db) {
    return Map.of(
        "quarkus.datasource.jdbc.url",
        jdbcUrl(db.port()),
        // As production runs: the runtime role, migrations as the owner.
        "quarkus.datasource.username",
        EmbeddedPostgresServer.RUNTIME,
        "quarkus.datasource.password",
        db.runtimePassword(),
        "quarkus.flyway.username",
        EmbeddedPostgresServer.OWNER,
        "quarkus.flyway.password",
        db.ownerPassword(),
        "consent.api.rate-limit-per-minute",
        "100000000",
        // Their writers decide on the demo site, which an external database gets only when asked.
        "consent.demo.enabled",
        "true");
  }

  static Connection connect(Db db) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(db.port()), "postgres", db.password());
  }

  /** Those of {@code acknowledged} that have no consent record. */
  static Set<UUID> missing(Db db, Set<UUID> acknowledged) throws SQLException {
    Set<UUID> missing = new HashSet<>(acknowledged);
    try (Connection connection = connect(db);
        PreparedStatement query =
            connection.prepareStatement("select id from consent_record where id = any (?)")) {
      Array ids = connection.createArrayOf("uuid", acknowledged.toArray());
      query.setArray(1, ids);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          missing.remove(rows.getObject(1, UUID.class));
        }
      }
    }
    return missing;
  }

  /** The one number the query answers. */
  static long single(Db db, String sql) throws SQLException {
    try (Connection connection = connect(db);
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
