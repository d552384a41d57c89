package io.consentplatform.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            .dataSource(url, PostgresResource.server().username(), "")
            .locations("classpath:db/migration")
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
            "consent_ledger_pending",
            "consent_record",
            "cookie",
            "local_account",
            "policy_version",
            "provider",
            "receipt_key",
            "refused_origin",
            "site",
            "tenant",
            "tenant_member"),
        domainTables(url));
  }

  private static String emptyDatabase(String name) throws SQLException {
    EmbeddedPostgresServer server = PostgresResource.server();
    try (Connection connection =
            DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name);
      statement.execute("create database " + name);
    }
    return server.jdbcUrl().replace("/" + EmbeddedPostgresServer.DATABASE, "/" + name);
  }

  private static List<String> domainTables(String url) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(url, PostgresResource.server().username(), "");
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "select table_name from information_schema.tables where table_schema ="
                        + " 'public' and table_name <> 'flyway_schema_history' order by 1")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }
}
