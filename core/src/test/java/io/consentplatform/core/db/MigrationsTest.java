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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class MigrationsTest {

  @Test
  void shouldBuildTheWholeSchemaOnAnEmptyDatabase() throws SQLException {
    String url = emptyDatabase("migrations_check");
    Flyway flyway =
        Flyway.configure()
            .dataSource(
                url, PostgresResource.server().username(), PostgresResource.server().password())
            .locations("classpath:db/migration")
            .placeholders(PostgresResource.migrationPlaceholders())
            .load();

    MigrateResult first = flyway.migrate();
    MigrateResult second = flyway.migrate();

    assertTrue(first.success);
    assertTrue(first.migrationsExecuted > 0, "an empty database gets every migration");
    assertEquals(0, second.migrationsExecuted, "a migrated database gets nothing twice");
    assertEquals(
        List.of(
            "api_key",
            "audit_entry",
            "banner_impression",
            "category",
            "consent_erasure",
            "consent_ledger",
            "consent_ledger_checkpoint",
            "consent_ledger_head",
            "consent_ledger_node",
            "consent_ledger_pending",
            "consent_record",
            "cookie",
            "local_account",
            "one_time_link",
            "plan",
            "platform_api_key",
            "platform_operator",
            "policy_version",
            "provider",
            "quota_notice",
            "receipt_key",
            "refused_origin",
            "scan",
            "signup_request",
            "site",
            "tenant",
            "tenant_member",
            "usage_day",
            "webhook_cursor",
            "webhook_delivery",
            "webhook_endpoint"),
        domainTables(url));
  }

  /**
   * Migration V13 asks new site keys for a letter: a database that already holds an all-digit key
   * still migrates, that site keeps its key and can still be changed, and no new one is accepted.
   */
  @Test
  void shouldKeepAnAllDigitKeyMadeBeforeKeysNeededALetter() throws SQLException {
    String url = emptyDatabase("migrations_digit_keys");
    MigrationVersion v13 = MigrationVersion.fromVersion("13");
    MigrationVersion before =
        Arrays.stream(
                Flyway.configure()
                    .dataSource(
                        url,
                        PostgresResource.server().username(),
                        PostgresResource.server().password())
                    .locations("classpath:db/migration")
                    .placeholders(PostgresResource.migrationPlaceholders())
                    .load()
                    .info()
                    .all())
            .map(MigrationInfo::getVersion)
            .filter(version -> version.compareTo(v13) < 0)
            .max(Comparator.naturalOrder())
            .orElseThrow();
    Flyway.configure()
        .dataSource(url, PostgresResource.server().username(), PostgresResource.server().password())
        .locations("classpath:db/migration")
        .placeholders(PostgresResource.migrationPlaceholders())
        .target(before)
        .load()
        .migrate();
    try (Connection connection =
            DriverManager.getConnection(
                url, PostgresResource.server().username(), PostgresResource.server().password());
        Statement statement = connection.createStatement()) {
      statement.execute("insert into tenant (slug, name) values ('digits', 'Digits')");
      statement.execute(
          "insert into site (tenant_id, site_key, name, default_language) select id, '2024',"
              + " 'Legacy', 'en' from tenant where slug = 'digits'");
    }

    MigrateResult result =
        Flyway.configure()
            .dataSource(
                url, PostgresResource.server().username(), PostgresResource.server().password())
            .locations("classpath:db/migration")
            .placeholders(PostgresResource.migrationPlaceholders())
            .load()
            .migrate();

    assertTrue(result.success);
    try (Connection connection =
            DriverManager.getConnection(
                url, PostgresResource.server().username(), PostgresResource.server().password());
        Statement statement = connection.createStatement()) {
      assertEquals(
          1,
          statement.executeUpdate(
              "update site set name = 'Legacy, renamed' where site_key = '2024'"));
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  statement.execute(
                      "insert into site (tenant_id, site_key, name, default_language) select id,"
                          + " '2025', 'New', 'en' from tenant where slug = 'digits'"));
      assertEquals("23514", refused.getSQLState(), "a check constraint refuses it");
      statement.execute(
          "insert into site (tenant_id, site_key, name, default_language) select id, '2025-city',"
              + " 'New', 'en' from tenant where slug = 'digits'");
    }
  }

  @Test
  void shouldTurnRetentionTextsIntoDurationsAndKeepTheRestAsANote() throws SQLException {
    String url = emptyDatabase("retention_check");
    // The schema just before V11, whichever migrations precede it.
    MigrationVersion beforeRetention =
        Arrays.stream(
                Flyway.configure()
                    .dataSource(
                        url,
                        PostgresResource.server().username(),
                        PostgresResource.server().password())
                    .locations("classpath:db/migration")
                    .placeholders(PostgresResource.migrationPlaceholders())
                    .load()
                    .info()
                    .all())
            .map(MigrationInfo::getVersion)
            .filter(v -> v.compareTo(MigrationVersion.fromVersion("11")) < 0)
            .max(Comparator.naturalOrder())
            .orElseThrow();
    Flyway.configure()
        .dataSource(url, PostgresResource.server().username(), PostgresResource.server().password())
        .locations("classpath:db/migration")
        .placeholders(PostgresResource.migrationPlaceholders())
        .target(beforeRetention)
        .load()
        .migrate();
    try (Connection connection =
            DriverManager.getConnection(
                url, PostgresResource.server().username(), PostgresResource.server().password());
        Statement statement = connection.createStatement()) {
      statement.execute("insert into tenant (id, slug, name) values (1, 'tr', 'T')");
      statement.execute(
          "insert into site (id, tenant_id, site_key, name, default_language)"
              + " values (1, 1, 'retention', 'S', 'fr')");
      statement.execute(
          "insert into category (id, site_id, key, purpose) values (1, 1, 'necessary',"
              + " 'NECESSARY')");
      statement.execute("insert into provider (id, site_id, name) values (1, 1, 'P')");
      String[] texts = {
        "2 weeks",
        "13 months",
        "1 year",
        "Session",
        "session",
        "2 semaines",
        "1 an",
        "Durée de la session",
        " 30  Minutes ",
        "0 days",
        "until you sign out"
      };
      for (int i = 0; i < texts.length; i++) {
        statement.execute(
            "insert into cookie (site_id, provider_id, category_id, name, retention, party)"
                + " values (1, 1, 1, 'c"
                + i
                + "', '"
                + texts[i]
                + "', 'FIRST_PARTY')");
      }
    }

    Flyway.configure()
        .dataSource(url, PostgresResource.server().username(), PostgresResource.server().password())
        .locations("classpath:db/migration")
        .placeholders(PostgresResource.migrationPlaceholders())
        .load()
        .migrate();

    List<String> converted = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(
                url, PostgresResource.server().username(), PostgresResource.server().password());
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "select retention_unit, retention_amount, retention_notes::text from cookie"
                        + " order by substring(name from 2)::integer")) {
      while (rows.next()) {
        converted.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
      }
    }
    assertEquals(
        List.of(
            "WEEKS 2 {}",
            "MONTHS 13 {}",
            "YEARS 1 {}",
            "SESSION null {}",
            "SESSION null {}",
            "WEEKS 2 {}",
            "YEARS 1 {}",
            "SESSION null {}",
            "MINUTES 30 {}",
            "null null {\"fr\": \"0 days\"}",
            "null null {\"fr\": \"until you sign out\"}"),
        converted);
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

  private static List<String> domainTables(String url) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(
                url, PostgresResource.server().username(), PostgresResource.server().password());
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "select table_name from information_schema.tables where table_schema ="
                        + " 'public' and table_name <> 'flyway_schema_history'"
                        // a partition is its table's, not a table of the domain (V24)
                        + " and not exists (select from pg_class c where c.relname = table_name"
                        + " and c.relnamespace = 'public'::regnamespace and c.relispartition)"
                        + " order by 1")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }
}
