package io.consentplatform.api.ledger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.api.tenant.OidcServer;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.ledger.LedgerSealer;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.Decisions;
import io.consentplatform.core.testing.LogicalBackup;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A backup restored on a fresh server keeps the proof: the log verifies, and the heads signed
 * before the backup still match it. The backup is a logical copy by the JDBC driver's COPY API
 * ({@link LogicalBackup}): the machine's pg_dump is older than the embedded server.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class BackupRestoreTest {

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;

  @Test
  void shouldVerifyARestoredLogAgainstHeadsSignedBeforeTheBackup() throws Exception {
    long site = SiteFixture.create("backup-restore");
    member(site, "backup-auditor");
    policies.publish(site, "test");
    for (int i = 0; i < 5; i++) {
      consents.recordDecision("backup-restore", Decisions.onBanner(ConsentAction.ACCEPT_ALL));
    }
    sealer.sealAll();
    assertTrue(verify(site).getBoolean("intact"));
    String before = systemIdentifier();

    LogicalBackup backup;
    try (Connection superuser = PostgresResource.superuser()) {
      backup = LogicalBackup.take(superuser);
    }
    PostgresResource.restoreOnFreshServer(backup);

    assertNotEquals(before, systemIdentifier(), "a fresh server, not the one backed up");
    await("the platform answers from the restored server")
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(() -> verify(site).getBoolean("intact"));
    JsonPath report = verify(site);
    assertTrue(report.getBoolean("intact"));
    assertEquals(5, report.getLong("entries"));
    assertEquals(0, report.getLong("pending"));

    // The restored platform goes on: a new decision is sealed after the restored ones.
    // (The writer's own connection may find the old server gone once: nothing is stored then.)
    await("a decision recorded on the restored server")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () ->
                consents.recordDecision(
                        "backup-restore", Decisions.onBanner(ConsentAction.REJECT_ALL))
                    != null);
    sealer.sealAll();
    JsonPath after = verify(site);
    assertTrue(after.getBoolean("intact"));
    assertEquals(6, after.getLong("entries"));
  }

  /** The server's identity, which initdb chooses: a restore on a fresh server changes it. */
  private static String systemIdentifier() throws SQLException {
    try (Connection connection = PostgresResource.superuser();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery("select system_identifier from pg_control_system()")) {
      row.next();
      return row.getString(1);
    }
  }

  private static void member(long site, String subject) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              TenantMember member = new TenantMember();
              member.tenant = Site.<Site>findById(site).tenant;
              member.subject = subject;
              member.email = subject + "@example.org";
              member.role = Role.VIEWER;
              member.persist();
            });
  }

  private static JsonPath verify(long site) {
    return given()
        .auth()
        .oauth2(OidcServer.token("backup-auditor"))
        .get("/v1/tenant/sites/" + site + "/ledger/verify")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
