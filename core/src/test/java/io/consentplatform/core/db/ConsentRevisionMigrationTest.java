package io.consentplatform.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V9 on a database that already holds versions: each one, published when every publication asked
 * visitors again, becomes its own consent revision, and versions stay immutable afterwards.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsentRevisionMigrationTest {

  @Test
  void shouldMakeEachEarlierVersionItsOwnRevisionAndKeepVersionsImmutable() throws SQLException {
    String url = emptyDatabase("migration_consent_revision");
    flyway(url, "7").migrate();
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement()) {
      statement.execute("insert into tenant (slug, name) values ('old', 'Old tenant')");
      statement.execute(
          "insert into site (tenant_id, site_key, name, default_language)"
              + " select id, 'old-site', 'Old site', 'en' from tenant");
      for (int number = 1; number <= 3; number++) {
        statement.execute(
            "insert into policy_version (site_id, number, content_hash, snapshot, published_by)"
                + " select id, "
                + number
                + ", repeat('0', 64), '{}', 'before' from site");
      }
    }

    flyway(url, "latest").migrate();

    try (Connection connection = connect(url);
        Statement statement = connection.createStatement()) {
      List<String> rows = new ArrayList<>();
      try (ResultSet result =
          statement.executeQuery(
              "select number, consent_revision from policy_version order by number")) {
        while (result.next()) {
          rows.add(result.getInt(1) + ":" + result.getInt(2));
        }
      }
      assertEquals(List.of("1:1", "2:2", "3:3"), rows);
      SQLException update =
          assertThrows(
              SQLException.class,
              () -> statement.executeUpdate("update policy_version set consent_revision = 1"));
      assertTrue(update.getMessage().contains("immutable"), update.getMessage());
      SQLException ahead =
          assertThrows(
              SQLException.class,
              () ->
                  statement.execute(
                      "insert into policy_version"
                          + " (site_id, number, consent_revision, content_hash, snapshot,"
                          + " published_by) select id, 4, 5, repeat('0', 64), '{}', 'x' from site"));
      assertTrue(ahead.getMessage().contains("consent_revision"), ahead.getMessage());
    }
  }

  private static Flyway flyway(String url, String target) {
    return Flyway.configure()
        .dataSource(url, PostgresResource.server().username(), PostgresResource.server().password())
        .locations("classpath:db/migration")
        .placeholders(PostgresResource.migrationPlaceholders())
        .target(target)
        .load();
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(
        url, PostgresResource.server().username(), PostgresResource.server().password());
  }

  private static String emptyDatabase(String name) throws SQLException {
    EmbeddedPostgresServer server = PostgresResource.server();
    try (Connection connection =
            DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name);
      statement.execute("create database " + name);
    }
    return server.jdbcUrl().replace("/" + EmbeddedPostgresServer.DATABASE, "/" + name);
  }
}
