package io.consentplatform.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.ledger.LedgerSealer;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.testing.Decisions;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application's own database role cannot rewrite history: connected as it, every statement that
 * would change or remove proof of consent, or lift the tables' guards, is refused, directly or
 * through the tenant role it may take; proof leaves only through the owner's functions, which do
 * only their job.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RuntimeRoleTest {

  /** Proof of consent; every other table the platform may change as its work requires. */
  private static final List<String> PROOF_TABLES =
      List.of(
          "consent_record",
          "consent_ledger",
          "consent_ledger_node",
          "consent_ledger_head",
          "consent_ledger_checkpoint",
          "consent_erasure",
          "policy_version");

  /** SQLSTATE 42501: insufficient_privilege, also "must be owner of table". */
  private static final String REFUSED = "42501";

  @Inject DataSource dataSource;
  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;
  @Inject Partitions partitions;

  private static long site;

  @BeforeEach
  void oneSealedDecision() throws SQLException {
    if (site == 0) {
      site = SiteFixture.create("runtime-role");
      policies.publish(site, "test");
      consents.recordDecision("runtime-role", Decisions.onBanner(ConsentAction.ACCEPT_ALL));
      sealer.sealAll();
      try (Connection owner = PostgresResource.superuser();
          Statement statement = owner.createStatement()) {
        // A checkpoint and an erasure mark, so that no proof table is empty.
        statement.execute(
            "insert into consent_ledger_checkpoint (site_id, seq, hash, removed, created_at)"
                + " values ("
                + site
                + ", 0, repeat('0', 64), 0, now())");
        statement.execute(
            "insert into consent_erasure (record_id, site_id, visitor_hash, erased_at, erased_by)"
                + " values (gen_random_uuid(), "
                + site
                + ", 'h', now(), 'test')");
      }
    }
  }

  @Test
  void shouldRunTheApplicationAsTheRuntimeRole() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery(
                    "select current_user, (select count(*) from pg_class where relowner ="
                        + " current_user::regrole)")) {
      row.next();
      assertEquals(EmbeddedPostgresServer.RUNTIME, row.getString(1));
      assertEquals(0, row.getLong(2), "it owns nothing");
    }
  }

  @Test
  void shouldRefuseEveryChangeToProofAsTheRuntimeRole() throws SQLException {
    String before = snapshot();
    for (String table : PROOF_TABLES) {
      for (String statement : forbidden(table)) {
        assertRefused(statement, false);
      }
    }
    assertEquals(before, snapshot(), "nothing changed");
  }

  @Test
  void shouldRefuseEveryChangeToProofThroughTheTenantRole() throws SQLException {
    String before = snapshot();
    for (String table : PROOF_TABLES) {
      for (String statement : forbidden(table)) {
        assertRefused(statement, true);
      }
    }
    assertEquals(before, snapshot(), "nothing changed");
  }

  @Test
  void shouldNotLetTheDeletionSettingOpenTheTables() throws SQLException {
    String before = snapshot();
    for (String reason : List.of("retention", "erasure")) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> {
                try (Connection connection = PostgresResource.runtimeRole();
                    Statement statement = connection.createStatement()) {
                  connection.setAutoCommit(false);
                  statement.execute("set local consent.deletion = '" + reason + "'");
                  statement.execute("delete from consent_record where site_id = " + site);
                }
              });
      assertEquals(REFUSED, refused.getSQLState());
    }
    assertEquals(before, snapshot());
  }

  /**
   * Monthly partitions (V24): this month's and the configured three ahead exist once the platform
   * has started, making them again changes nothing, and the runtime role reaches a partition only
   * through its table: it can neither read one directly nor create, detach or drop one.
   */
  @Test
  void shouldKeepMonthsAheadAndLeavePartitionsToTheOwnersFunctions() throws SQLException {
    YearMonth month = YearMonth.now(ZoneOffset.UTC);
    for (int ahead = 0; ahead <= 3; ahead++) {
      String suffix = month.plusMonths(ahead).format(DateTimeFormatter.ofPattern("yyyy_MM"));
      for (String table : List.of("consent_record_", "consent_ledger_")) {
        assertEquals(
            "1",
            single(
                "select count(*) from pg_inherits where inhrelid = to_regclass('"
                    + table
                    + suffix
                    + "')"),
            table + suffix);
      }
    }
    String current = month.format(DateTimeFormatter.ofPattern("yyyy_MM"));
    String layout =
        single(
            "select string_agg(name, ',' order by low) from consent_partitions('consent_record')");

    assertEquals(0, partitions.createAhead(), "nothing is made twice");
    assertEquals(
        layout,
        single(
            "select string_agg(name, ',' order by low) from consent_partitions('consent_record')"));

    String before = snapshot();
    for (String partition : List.of("consent_record_" + current, "consent_ledger_" + current)) {
      for (boolean asTenant : new boolean[] {false, true}) {
        assertRefused("select count(*) from " + partition, asTenant);
        assertRefused("delete from " + partition, asTenant);
        assertRefused("drop table " + partition, asTenant);
        assertRefused(
            "alter table "
                + partition.substring(0, partition.length() - 8)
                + " detach partition "
                + partition,
            asTenant);
      }
    }
    assertRefused(
        "create table consent_record_2099_01 partition of consent_record"
            + " for values from ('2099-01-01') to ('2099-02-01')",
        false);
    assertEquals(before, snapshot(), "nothing changed");
    assertEquals(
        layout,
        single(
            "select string_agg(name, ',' order by low) from consent_partitions('consent_record')"));
  }

  @Test
  void shouldLetRetentionRemoveOnlyExpiredProofBehindACheckpoint() throws SQLException {
    String before = snapshot();
    // No checkpoint at entry 1: refused.
    assertFunctionRefused("select consent_expire(" + site + ", 1)");
    try (Connection owner = PostgresResource.superuser();
        Statement statement = owner.createStatement()) {
      statement.execute(
          "insert into consent_ledger_checkpoint (site_id, seq, hash, removed, created_at)"
              + " values ("
              + site
              + ", 1, repeat('0', 64), 1, now())");
    }
    String withCheckpoint = snapshot();
    // A checkpoint there, but the record is a few seconds old: still refused.
    assertFunctionRefused("select consent_expire(" + site + ", 1)");
    assertEquals(withCheckpoint, snapshot());
    assertEquals(before.replace("checkpoints=1", "checkpoints=2"), withCheckpoint);
  }

  @Test
  void shouldLetAnErasureReachOnlyTheTenantsOwnSites() throws SQLException {
    long other = SiteFixture.create("runtime-role-other");
    String otherTenant = single("select tenant_id from site where id = " + other);
    String visitor = single("select visitor_id from consent_record where site_id = " + site);
    String before = snapshot();
    for (String tenant : List.of(otherTenant, "")) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> {
                try (Connection connection = PostgresResource.runtimeRole();
                    Statement statement = connection.createStatement()) {
                  connection.setAutoCommit(false);
                  statement.execute("set local role consent_tenant");
                  statement.execute("set local consent.tenant_id = '" + tenant + "'");
                  statement.execute(
                      "select consent_erase_visitor("
                          + site
                          + ", '"
                          + visitor
                          + "', 'h', 'intruder')");
                }
              },
              "tenant " + tenant);
      assertEquals(REFUSED, refused.getSQLState());
    }
    assertEquals(before, snapshot());
  }

  private static String single(String query) throws SQLException {
    try (Connection connection = PostgresResource.superuser();
        ResultSet row = connection.createStatement().executeQuery(query)) {
      row.next();
      return row.getString(1);
    }
  }

  private static List<String> forbidden(String table) {
    List<String> statements = new ArrayList<>();
    statements.add("update " + table + " set site_id = site_id where site_id = " + site);
    statements.add("delete from " + table + " where site_id = " + site);
    statements.add("truncate " + table + " cascade");
    statements.add("alter table " + table + " add column forged text");
    statements.add("alter table " + table + " disable trigger all");
    statements.add("alter table " + table + " owner to " + EmbeddedPostgresServer.RUNTIME);
    statements.add("drop table " + table + " cascade");
    return statements;
  }

  private static void assertRefused(String sql, boolean asTenant) {
    SQLException refused =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection connection = PostgresResource.runtimeRole();
                  Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                if (asTenant) {
                  statement.execute("set local role consent_tenant");
                  statement.execute(
                      "select set_config('consent.tenant_id', (select tenant_id::text from site"
                          + " where id = "
                          + site
                          + "), true)");
                }
                statement.execute(sql);
                connection.commit();
              }
            },
            sql);
    assertEquals(REFUSED, refused.getSQLState(), sql + ": " + refused.getMessage());
  }

  private static void assertFunctionRefused(String sql) {
    SQLException refused =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection connection = PostgresResource.runtimeRole();
                  Statement statement = connection.createStatement()) {
                statement.execute(sql);
              }
            });
    // object_not_in_prerequisite_state: the function's own refusal, not a missing privilege.
    assertEquals("55000", refused.getSQLState(), refused.getMessage());
  }

  /** What the proof tables hold for the site, read as the superuser. */
  private static String snapshot() throws SQLException {
    try (Connection connection = PostgresResource.superuser();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery(
                    "select (select count(*) from consent_record where site_id = "
                        + site
                        + "), (select string_agg(r.id::text || r.action || r.choices::text, ',')"
                        + " from consent_record r where site_id = "
                        + site
                        + "), (select string_agg(seq || hash, ',') from consent_ledger where"
                        + " site_id = "
                        + site
                        + "), (select count(*) from consent_ledger_checkpoint where site_id = "
                        + site
                        + "), (select count(*) from consent_erasure where site_id = "
                        + site
                        + "), (select count(*) from policy_version where site_id = "
                        + site
                        + ")")) {
      row.next();
      return "records="
          + row.getLong(1)
          + " "
          + row.getString(2)
          + " ledger="
          + row.getString(3)
          + " checkpoints="
          + row.getLong(4)
          + " erasures="
          + row.getLong(5)
          + " versions="
          + row.getLong(6);
    }
  }
}
