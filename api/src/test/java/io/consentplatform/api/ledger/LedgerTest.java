package io.consentplatform.api.ledger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.tenant.OidcServer;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.consent.VisitorTokens;
import io.consentplatform.core.ledger.LedgerSealer;
import io.consentplatform.core.ledger.Retention;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.Decisions;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Proof that cannot be altered unseen: the Merkle tree log of each site, and signed receipts. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class LedgerTest {

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject VisitorTokens tokens;
  @Inject LedgerSealer sealer;
  @Inject DataSource dataSource;
  @Inject ObjectMapper json;
  @Inject Retention retention;

  @Test
  void shouldSealEveryDecisionIntoAnIntactChain() throws Exception {
    long site = siteWithDecisions("ledger-intact", "ledger-auditor", 5);

    sealer.sealAll();

    JsonPath report = verify(site, "ledger-auditor");
    assertTrue(report.getBoolean("intact"));
    assertEquals(5, report.getLong("entries"));
    assertEquals(0, report.getLong("pending"));
    siteWithDecisions("ledger-stranger", "ledger-stranger", 0);
    as("ledger-stranger").get("/v1/tenant/sites/" + site + "/ledger/verify").then().statusCode(404);
  }

  @Test
  void shouldNameTheFirstAlteredRecord() throws Exception {
    long site = siteWithDecisions("ledger-altered", "ledger-altered", 4);
    sealer.sealAll();
    UUID second = recordAt(site, 2); // a refusal, turned into consent below

    sql(
        "alter table consent_record disable trigger consent_record_is_append_only",
        "update consent_record set choices = '{\"necessary\": true, \"statistics\": true,"
            + " \"marketing\": true}' where id = '"
            + second
            + "'",
        "alter table consent_record enable trigger consent_record_is_append_only");

    JsonPath report = verify(site, "ledger-altered");
    assertFalse(report.getBoolean("intact"));
    assertEquals(2, report.getLong("broken.seq"));
    assertEquals(second.toString(), report.getString("broken.recordId"));
    assertEquals("the record was altered", report.getString("broken.problem"));
  }

  @Test
  void shouldSeeARemovedRecordARewrittenEntryAndARecordSlippedIn() throws Exception {
    long removed = siteWithDecisions("ledger-removed", "ledger-removed", 3);
    long rewritten = siteWithDecisions("ledger-rewritten", "ledger-rewritten", 3);
    long slipped = siteWithDecisions("ledger-slipped", "ledger-slipped", 2);
    sealer.sealAll();

    sql(
        "alter table consent_record disable trigger consent_record_is_append_only",
        "delete from consent_record where id = '" + recordAt(removed, 2) + "'",
        "alter table consent_record enable trigger consent_record_is_append_only",
        "alter table consent_ledger disable trigger consent_ledger_is_append_only",
        "update consent_ledger set record_digest = repeat('a', 64) where site_id = "
            + rewritten
            + " and seq = 2",
        "alter table consent_ledger enable trigger consent_ledger_is_append_only",
        "alter table consent_record disable trigger consent_record_is_queued_for_ledger",
        "insert into consent_record (id, site_id, policy_version_id, visitor_id, action, method,"
            + " choices, language, recorded_at) select gen_random_uuid(), site_id,"
            + " policy_version_id, visitor_id, 'ACCEPT_ALL', 'API', choices, language, now()"
            + " from consent_record where site_id = "
            + slipped
            + " limit 1",
        "alter table consent_record enable trigger consent_record_is_queued_for_ledger");

    assertEquals(
        "the record is missing", verify(removed, "ledger-removed").getString("broken.problem"));
    assertEquals(
        "the entry was altered", verify(rewritten, "ledger-rewritten").getString("broken.problem"));
    assertEquals(
        "a record is outside the log",
        verify(slipped, "ledger-slipped").getString("broken.problem"));
  }

  @Test
  void shouldSignReceiptsThatVerifyOfflineWithThePublishedKey() throws Exception {
    long site = siteWithDecisions("ledger-signed", "ledger-signed", 0);
    JsonNode receipt =
        json.readTree(
            given()
                .contentType(ContentType.JSON)
                .body("{\"policyVersion\":1,\"action\":\"reject_all\",\"method\":\"banner\"}")
                .post("/v1/sites/ledger-signed/consents")
                .then()
                .statusCode(201)
                .extract()
                .asString());
    assertTrue(receipt.get("signature") == null, "the answer to the POST is not signed");
    String jws =
        given()
            .get("/v1/sites/ledger-signed/consents/" + receipt.get("consentId").asText())
            .then()
            .statusCode(200)
            .extract()
            .path("signature");
    String[] parts = jws.split("\\.");
    JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode payload = json.readTree(Base64.getUrlDecoder().decode(parts[1]));

    List<Map<String, String>> keys =
        given()
            .get("/.well-known/jwks.json")
            .then()
            .statusCode(200)
            .contentType("application/jwk-set+json")
            .extract()
            .jsonPath()
            .getList("keys");
    Map<String, String> key =
        keys.stream()
            .filter(k -> k.get("kid").equals(header.get("kid").asText()))
            .findFirst()
            .orElseThrow();
    PublicKey publicKey = ed25519Key(Base64.getUrlDecoder().decode(key.get("x")));

    assertEquals("EdDSA", header.get("alg").asText());
    assertEquals("Ed25519", key.get("crv"));
    assertEquals("OKP", key.get("kty"));
    assertTrue(verifiesWithTheJdk(jws, publicKey));
    assertEquals(receipt.get("consentId"), payload.get("consentId"));
    assertEquals(receipt.get("choices"), payload.get("choices"));
    assertEquals(receipt.get("policyVersion"), payload.get("policyVersion"));
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"marketing\":false", "\"marketing\":true")
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertFalse(verifiesWithTheJdk(forged, publicKey), "a changed choice breaks the signature");
  }

  @Test
  void shouldNeverPublishAKeyOnlyFoundInTheDatabase() throws Exception {
    KeyPair planted = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] x509 = planted.getPublic().getEncoded();
    try (Connection connection = PostgresResource.superuser();
        var insert =
            connection.prepareStatement(
                "insert into receipt_key (kid, public_key, created_at) values (?, ?, now())")) {
      insert.setString(1, "planted-key");
      insert.setString(2, Base64.getEncoder().encodeToString(x509));
      insert.executeUpdate();
    }

    List<Map<String, String>> keys =
        given()
            .get("/.well-known/jwks.json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("keys");

    // Only the signing key: the suite configures no retired key, and the table adds none.
    assertEquals(1, keys.size());
    assertTrue(keys.stream().noneMatch(k -> k.get("kid").equals("planted-key")));
    // RFC 8410: the raw key is the last 32 bytes of the X.509 form.
    String plantedX =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
    assertTrue(keys.stream().noneMatch(k -> plantedX.equals(k.get("x"))));
    assertTrue(keys.stream().noneMatch(k -> k.containsKey("d")), "no private key is published");
  }

  @Test
  void shouldExportAndEraseAVisitorAndKeepTheChainVerifiable() throws Exception {
    long site = siteWithDecisions("ledger-erasure", "ledger-erasure-viewer", 3);
    member(site, "ledger-erasure-owner", Role.OWNER);
    UUID visitor = UUID.randomUUID();
    for (ConsentAction action : List.of(ConsentAction.ACCEPT_ALL, ConsentAction.WITHDRAW)) {
      consents.recordDecision(
          "ledger-erasure",
          new Decision(
              visitor,
              1,
              action,
              null,
              "en",
              ConsentMethod.SETTINGS,
              false,
              null,
              "203.0.113.9",
              tokens.issue("ledger-erasure", visitor)));
    }
    String path = "/v1/tenant/sites/" + site + "/visitors/" + visitor;
    assertEquals(
        List.of("ACCEPT_ALL", "WITHDRAW"),
        as("ledger-erasure-viewer")
            .get(path)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("action"));
    as("ledger-erasure-viewer").delete(path).then().statusCode(403);
    long other = siteWithDecisions("ledger-erasure-other", "ledger-erasure-other-viewer", 0);
    member(other, "ledger-erasure-stranger", Role.OWNER);
    as("ledger-erasure-stranger").delete(path).then().statusCode(404);

    as("ledger-erasure-owner")
        .delete(path)
        .then()
        .statusCode(200)
        .body("erased", org.hamcrest.Matchers.is(2));

    assertEquals(
        0, as("ledger-erasure-owner").get(path).then().extract().jsonPath().getList("$").size());
    JsonPath report = verify(site, "ledger-erasure-owner");
    assertTrue(report.getBoolean("intact"), "the chain holds without the erased records");
    assertEquals(5, report.getLong("entries"));
    assertEquals(2, report.getLong("erased"));
    String audit =
        as("ledger-erasure-owner")
            .get("/v1/tenant/audit")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(audit.contains("visitorHash"), "the erasure is recorded");
    assertFalse(audit.contains(visitor.toString()), "without the visitor's id");
  }

  @Test
  void shouldRemoveExpiredRecordsBehindACheckpointThatStillVerifies() throws Exception {
    long site = siteWithDecisions("ledger-retention", "ledger-retention-owner", 0);
    member(site, "ledger-retention-keeper", Role.OWNER);
    for (int i = 0; i < 5; i++) {
      consents.recordDecision("ledger-retention", Decisions.onBanner(ConsentAction.ACCEPT_ALL));
    }
    // Three of them were recorded two years ago.
    // (Another month is another partition: the queue must not take the moved record for new.)
    sql(
        "alter table consent_record disable trigger consent_record_is_append_only",
        "alter table consent_record disable trigger consent_record_is_queued_for_ledger",
        "update consent_record set recorded_at = recorded_at - interval '730 days' where id in"
            + " (select id from consent_record where site_id = "
            + site
            + " order by recorded_at limit 3)",
        "alter table consent_record enable trigger consent_record_is_queued_for_ledger",
        "alter table consent_record enable trigger consent_record_is_append_only");
    as("ledger-retention-keeper")
        .contentType(ContentType.JSON)
        .body("{\"days\":10}")
        .put("/v1/tenant/retention")
        .then()
        .statusCode(422);
    as("ledger-retention-keeper")
        .contentType(ContentType.JSON)
        .body("{\"days\":365}")
        .put("/v1/tenant/retention")
        .then()
        .statusCode(200);

    List<Retention.Removal> removed = retention.applyTo(site, java.time.Instant.now());

    assertEquals(
        List.of(new Retention.Removal(site, 3, 3)),
        removed.stream().filter(r -> r.siteId() == site).toList());
    JsonPath report = verify(site, "ledger-retention-keeper");
    assertTrue(report.getBoolean("intact"));
    assertEquals(3, report.getLong("fromCheckpoint"));
    assertEquals(2, report.getLong("entries"));
    assertEquals(2, countRecords(site));
    UUID kept = recordAt(site, 5);
    sql(
        "alter table consent_record disable trigger consent_record_is_append_only",
        "update consent_record set action = 'REJECT_ALL' where id = '" + kept + "'",
        "alter table consent_record enable trigger consent_record_is_append_only");
    assertEquals(5, verify(site, "ledger-retention-keeper").getLong("broken.seq"));
  }

  private long countRecords(long site) throws Exception {
    try (Connection connection = dataSource.getConnection();
        var row =
            connection
                .createStatement()
                .executeQuery("select count(*) from consent_record where site_id = " + site)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static void member(long site, String subject, Role role) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              TenantMember member = new TenantMember();
              member.tenant = Site.<Site>findById(site).tenant;
              member.subject = subject;
              member.email = subject + "@example.org";
              member.role = role;
              member.persist();
            });
  }

  private long siteWithDecisions(String key, String auditor, int decisions) {
    long site = SiteFixture.create(key);
    member(site, auditor, Role.VIEWER);
    policies.publish(site, "test");
    for (int i = 0; i < decisions; i++) {
      consents.recordDecision(
          key,
          new Decision(
              null,
              1,
              i % 2 == 0 ? ConsentAction.ACCEPT_ALL : ConsentAction.REJECT_ALL,
              null,
              "en",
              ConsentMethod.BANNER,
              false,
              null,
              "203.0.113.9"));
    }
    return site;
  }

  private static JsonPath verify(long site, String subject) {
    return as(subject)
        .get("/v1/tenant/sites/" + site + "/ledger/verify")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private UUID recordAt(long site, long seq) throws Exception {
    try (Connection connection = dataSource.getConnection();
        var query =
            connection.prepareStatement(
                "select record_id from consent_ledger where site_id = ? and seq = ?")) {
      query.setLong(1, site);
      query.setLong(2, seq);
      try (var row = query.executeQuery()) {
        row.next();
        return row.getObject(1, UUID.class);
      }
    }
  }

  /** Statements run as someone with the database superuser's password would. */
  private void sql(String... statements) throws Exception {
    try (Connection connection = PostgresResource.superuser();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static io.restassured.specification.RequestSpecification as(String subject) {
    return given().auth().oauth2(OidcServer.token(subject)).when();
  }

  /**
   * Checks a compact JWS with the JDK's Ed25519, not the platform's signer: the signing input is
   * the first two parts as sent (RFC 7515, 5.2).
   */
  private static boolean verifiesWithTheJdk(String jws, PublicKey key) throws Exception {
    String[] parts = jws.split("\\.");
    Signature ed25519 = Signature.getInstance("Ed25519");
    ed25519.initVerify(key);
    ed25519.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return ed25519.verify(Base64.getUrlDecoder().decode(parts[2]));
  }

  /** A JWK's raw 32-byte key wrapped in the X.509 SubjectPublicKeyInfo of RFC 8410, 10.1. */
  private static PublicKey ed25519Key(byte[] raw) throws Exception {
    byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    byte[] der = new byte[prefix.length + raw.length];
    System.arraycopy(prefix, 0, der, 0, prefix.length);
    System.arraycopy(raw, 0, der, prefix.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
  }
}
