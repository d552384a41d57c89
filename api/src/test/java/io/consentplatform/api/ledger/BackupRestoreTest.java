package io.consentplatform.api.ledger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.api.tenant.OidcServer;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.ledger.LedgerProofs;
import io.consentplatform.core.ledger.LedgerProofs.ConsistencyProof;
import io.consentplatform.core.ledger.LedgerSealer;
import io.consentplatform.core.ledger.MerkleTree;
import io.consentplatform.core.ledger.TreeHead;
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
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
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

  private static final HexFormat HEX = HexFormat.of();

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;
  @Inject LedgerProofs proofs;

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
    // What an auditor kept before the backup: the head signed at size 5.
    TreeHead kept = proofs.latestHead("backup-restore").orElseThrow();
    assertEquals(5, kept.treeSize());
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
    // The kept head still verifies with the published keys, and the restored leaves hash to it.
    assertTrue(signedByAPublishedKey(kept.signature()));
    assertEquals(kept, proofs.head("backup-restore", 5).orElseThrow());
    assertEquals(kept.rootHash(), rootOfRestoredLeaves(site, 5));

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
    // The log after the restore extends the head kept from before it.
    ConsistencyProof extension = proofs.consistency("backup-restore", 5, 6);
    assertEquals(rootOfRestoredLeaves(site, 6), extension.toHead().rootHash());
    assertTrue(
        MerkleTree.verifyConsistency(
            5,
            6,
            extension.proof().stream().map(HEX::parseHex).toList(),
            HEX.parseHex(kept.rootHash()),
            HEX.parseHex(extension.toHead().rootHash())));
  }

  /**
   * RFC 9162, 2.1.1, written out here rather than taken from the platform: the root of the first
   * {@code size} leaves, each leaf the record digest of entry seq = index + 1 as restored.
   */
  private static String rootOfRestoredLeaves(long site, int size) throws Exception {
    List<byte[]> leaves = new ArrayList<>();
    try (Connection connection = PostgresResource.superuser();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "select record_digest from consent_ledger where site_id = "
                        + site
                        + " and seq <= "
                        + size
                        + " order by seq")) {
      while (rows.next()) {
        leaves.add(HEX.parseHex(rows.getString(1)));
      }
    }
    assertEquals(size, leaves.size());
    return HEX.formatHex(mth(leaves));
  }

  private static byte[] mth(List<byte[]> leaves) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    if (leaves.size() == 1) {
      sha256.update((byte) 0x00);
      return sha256.digest(leaves.get(0));
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    byte[] left = mth(leaves.subList(0, k));
    byte[] right = mth(leaves.subList(k, leaves.size()));
    sha256.update((byte) 0x01);
    sha256.update(left);
    return sha256.digest(right);
  }

  /** Whether a compact JWS verifies with the key of its kid at /.well-known/jwks.json. */
  private static boolean signedByAPublishedKey(String compact) throws Exception {
    JsonWebKeySet keys =
        new JsonWebKeySet(given().get("/.well-known/jwks.json").then().extract().asString());
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(compact);
    for (JsonWebKey key : keys.getJsonWebKeys()) {
      if (key.getKeyId().equals(jws.getKeyIdHeaderValue())) {
        jws.setKey(key.getKey());
        return jws.verifySignature();
      }
    }
    return false;
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
