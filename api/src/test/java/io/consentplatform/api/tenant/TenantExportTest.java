package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.ledger.LedgerSealer;
import io.consentplatform.core.ledger.Retention;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Decisions;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A tenant leaving with everything: the archive is unzipped here and each file compared with what
 * the test created and with the database read behind the platform's back; the signed heads are
 * checked with the JDK's Ed25519 and a Merkle tree written here from RFC 9162, not the platform's.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class TenantExportTest {

  private static final HexFormat HEX = HexFormat.of();

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 raw bytes. */
  private static final byte[] ED25519_SPKI_PREFIX = HEX.parseHex("302a300506032b6570032100");

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;
  @Inject Retention retention;
  @Inject ObjectMapper json;

  @Test
  void shouldHandTheOwnerEverythingTheTenantHoldsAndNothingSecret() throws Exception {
    String key = "export-all";
    long site = Tenants.siteWithTenant(key);
    Tenants.member(site, "export-owner", Role.OWNER);
    Tenants.member(site, "export-editor", Role.EDITOR);
    policies.publish(site, "test");
    Set<String> decided = new TreeSet<>();
    for (int i = 0; i < 12; i++) {
      ConsentAction action = i % 3 == 0 ? ConsentAction.REJECT_ALL : ConsentAction.ACCEPT_ALL;
      decided.add(consents.recordDecision(key, Decisions.onBanner(action)).id.toString());
    }
    sealer.sealAll();
    Response created =
        as("export-owner")
            .contentType(ContentType.JSON)
            .body("{\"name\":\"export-reader\",\"role\":\"VIEWER\"}")
            .post("/v1/tenant/api-keys");
    assertEquals(201, created.statusCode(), created.asString());
    String apiKeySecret = created.path("secret");
    String apiKeyPrefix = created.path("key.prefix");
    Response webhook =
        as("export-owner")
            .contentType(ContentType.JSON)
            .body("{\"url\":\"https://93.184.215.14/export\",\"events\":[\"policy.published\"]}")
            .post("/v1/tenant/webhooks");
    assertEquals(201, webhook.statusCode(), webhook.asString());
    String webhookSecret = webhook.path("secret");

    Response answer = as("export-owner").get("/v1/tenant/export");
    assertEquals(200, answer.statusCode(), answer.asString());
    assertEquals("application/zip", answer.contentType());
    String slug = Tenants.slugOf(site);
    assertEquals(
        "attachment; filename=\"" + slug + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip\"",
        answer.header("Content-Disposition"));
    Map<String, byte[]> files = unzip(answer.asInputStream());
    String folder = "sites/" + key + "/";
    assertTrue(files.containsKey("README.txt"));
    for (String file :
        List.of(
            "tenant.json",
            "keys.json",
            "webhooks.json",
            "audit.csv",
            folder + "declarations.json",
            folder + "versions/1.json",
            folder + "scans.json",
            folder + "consents.csv",
            folder + "ledger/entries.csv",
            folder + "ledger/heads.csv",
            folder + "ledger/checkpoints.csv",
            folder + "ledger/erasures.csv")) {
      assertTrue(files.containsKey(file), file + " is in the archive: " + files.keySet());
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String text = new String(file.getValue(), StandardCharsets.UTF_8);
      assertFalse(text.contains(apiKeySecret), file.getKey() + " holds the API key's secret");
      assertFalse(text.contains(webhookSecret), file.getKey() + " holds the webhook's secret");
    }

    // The tenant, its people and its keys.
    JsonNode tenant = json.readTree(files.get("tenant.json"));
    assertEquals(slug, tenant.at("/tenant/slug").asText());
    assertEquals("ACTIVE", tenant.at("/tenant/state").asText());
    Map<String, String> roles = new LinkedHashMap<>();
    for (JsonNode member : tenant.get("members")) {
      roles.put(member.get("email").asText(), member.get("role").asText());
    }
    assertEquals(
        Map.of("export-editor@example.org", "EDITOR", "export-owner@example.org", "OWNER"), roles);
    assertEquals(1, tenant.get("apiKeys").size());
    assertEquals(apiKeyPrefix, tenant.at("/apiKeys/0/prefix").asText());
    assertNull(tenant.at("/apiKeys/0").get("secret"));
    assertEquals(
        "https://93.184.215.14/export",
        json.readTree(files.get("webhooks.json")).at("/0/url").asText());

    // Declarations and the published version, against the database.
    JsonNode declarations = json.readTree(files.get(folder + "declarations.json"));
    assertEquals(key, declarations.at("/site/key").asText());
    List<String> categories = new ArrayList<>();
    declarations.at("/declarations/categories").forEach(c -> categories.add(c.get("key").asText()));
    assertEquals(
        column("select key from category where site_id = ? order by position", site), categories);
    JsonNode version = json.readTree(files.get(folder + "versions/1.json"));
    assertEquals(1, version.get("number").asInt());
    assertEquals(
        column("select content_hash from policy_version where site_id = ?", site),
        List.of(version.get("hash").asText()));
    assertTrue(version.at("/snapshot/categories").size() >= 3);

    // Every record, once, by its id.
    List<List<String>> records = csv(files.get(folder + "consents.csv"));
    assertEquals("consentId", records.get(0).get(0));
    Set<String> exported = new TreeSet<>();
    records.subList(1, records.size()).forEach(row -> exported.add(row.get(0)));
    assertEquals(records.size() - 1, exported.size(), "no record twice");
    assertEquals(decided, exported);

    // The log: its leaves are the records' digests, and every head verifies outside the platform.
    List<List<String>> entries = csv(files.get(folder + "ledger/entries.csv"));
    List<String> digests = new ArrayList<>();
    Set<String> logged = new HashSet<>();
    for (List<String> entry : entries.subList(1, entries.size())) {
      digests.add(entry.get(2));
      logged.add(entry.get(1));
    }
    assertEquals(
        column("select record_digest from consent_ledger where site_id = ? order by seq", site),
        digests);
    assertEquals(decided, new TreeSet<>(logged));
    JsonNode keys = json.readTree(files.get("keys.json"));
    assertEquals(json.readTree(given().get("/.well-known/jwks.json").asString()), keys);
    List<List<String>> heads = csv(files.get(folder + "ledger/heads.csv"));
    assertTrue(heads.size() > 1, "at least one signed head");
    for (List<String> head : heads.subList(1, heads.size())) {
      JsonNode payload = verifiedPayload(head.get(3), keys);
      int size = payload.get("treeSize").asInt();
      assertEquals(key, payload.get("site").asText());
      assertEquals(head.get(0), String.valueOf(size));
      assertEquals(head.get(1), payload.get("rootHash").asText());
      assertEquals(head.get(2), payload.get("timestamp").asText());
      assertArrayEquals(
          treeHash(digests.subList(0, size)), HEX.parseHex(payload.get("rootHash").asText()));
    }
    assertEquals(12, Integer.parseInt(heads.get(heads.size() - 1).get(0)));

    // The download is in the trail, by its owner.
    List<List<String>> audit = csv(files.get("audit.csv"));
    assertTrue(
        audit.stream().anyMatch(row -> row.get(4).equals("create") && row.get(5).equals("api-key")),
        "the trail: " + audit);
    assertTrue(
        auditActors(site, "export").stream().anyMatch(actor -> actor.endsWith("#export-owner")),
        "the download is recorded");

    // Owners only; an editor is refused and nothing is written for them.
    as("export-editor").get("/v1/tenant/export").then().statusCode(403);
    assertEquals(1, auditActors(site, "export").size());

    // A suspended tenant's owner still takes everything along.
    setState(site, "SUSPENDED");
    try {
      Response suspended = as("export-owner").get("/v1/tenant/export");
      assertEquals(200, suspended.statusCode(), suspended.asString());
      assertEquals(records, csv(unzip(suspended.asInputStream()).get(folder + "consents.csv")));
    } finally {
      setState(site, "ACTIVE");
    }
  }

  @Test
  void shouldLetAnOperatorExportAnArchivedTenantAndRecordItInItsTrail() throws Exception {
    String key = "export-archived";
    long site = Tenants.siteWithTenant(key);
    Tenants.member(site, "export-archived-owner", Role.OWNER);
    policies.publish(site, "test");
    consents.recordDecision(key, Decisions.onBanner(ConsentAction.ACCEPT_ALL));
    String ownerKey =
        as("export-archived-owner")
            .contentType(ContentType.JSON)
            .body("{\"name\":\"owner-key\",\"role\":\"OWNER\"}")
            .post("/v1/tenant/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    long tenantId = tenantOf(site);
    String path = "/v1/platform/tenants/" + tenantId + "/export";

    // A tenant's credentials never reach the platform's endpoint.
    given().header("X-Api-Key", ownerKey).get(path).then().statusCode(403);
    as("export-archived-owner").get(path).then().statusCode(403);

    archive(site);
    Response answer = given().auth().oauth2(OidcServer.operatorToken("export-operator")).get(path);
    assertEquals(200, answer.statusCode(), answer.asString());
    Map<String, byte[]> files = unzip(answer.asInputStream());
    assertEquals("ARCHIVED", json.readTree(files.get("tenant.json")).at("/tenant/state").asText());
    assertEquals(2, csv(files.get("sites/" + key + "/consents.csv")).size());
    assertTrue(
        auditActors(site, "export").stream().anyMatch(a -> a.endsWith("#export-operator")),
        "the operator's download is in the tenant's trail");

    given()
        .auth()
        .oauth2(OidcServer.operatorToken("export-operator"))
        .get("/v1/platform/tenants/999999999/export")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldStreamALargeExport() throws Exception {
    String key = "export-large";
    long site = Tenants.siteWithTenant(key);
    Tenants.member(site, "large-owner", Role.OWNER);
    PublishedPolicy policy = policies.publish(site, "test");
    int records = 20_000;
    try (Connection db = PostgresResource.superuser();
        Statement insert = db.createStatement()) {
      insert.execute(
          "insert into consent_record (id, site_id, policy_version_id, visitor_id, action, method,"
              + " choices, language, gpc, recorded_at) select gen_random_uuid(), "
              + site
              + ", "
              + policy.versionId()
              + ", gen_random_uuid(), 'ACCEPT_ALL', 'BANNER',"
              + " '{\"necessary\": true, \"statistics\": true, \"marketing\": true}', 'en', false,"
              + " now() - g * interval '1 millisecond' from generate_series(1, "
              + records
              + ") g");
    }
    Response answer = as("large-owner").get("/v1/tenant/export");
    assertEquals(200, answer.statusCode());
    // Written while read: no length known beforehand, so the body goes out in chunks.
    assertNull(answer.header("Content-Length"));
    assertEquals("chunked", answer.header("Transfer-Encoding"));
    long lines = 0;
    try (ZipInputStream zip = new ZipInputStream(answer.asInputStream())) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals("sites/" + key + "/consents.csv")) {
          lines = new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().count();
        }
      }
    }
    assertEquals(records + 1, lines, "a header and every record");
  }

  /**
   * An archived tenant's proof of consent: its sites are archived with it, and retention still
   * takes their records once the tenant's period ends, not before.
   */
  @Test
  void shouldPurgeAnArchivedTenantsProofOnlyWhenItsRetentionEnds() throws Exception {
    String key = "export-retention";
    long site = Tenants.siteWithTenant(key);
    policies.publish(site, "test");
    for (int i = 0; i < 3; i++) {
      consents.recordDecision(key, Decisions.onBanner(ConsentAction.ACCEPT_ALL));
    }
    sealer.sealAll();
    try (Connection db = PostgresResource.superuser();
        PreparedStatement shorter =
            db.prepareStatement(
                "update tenant set consent_retention_days = 30"
                    + " where id = (select tenant_id from site where id = ?)")) {
      shorter.setLong(1, site);
      shorter.executeUpdate();
    }
    archive(site);

    // Within the tenant's 30 days, retention keeps every record (only this site: the others
    // belong to other tests).
    age(site, 29);
    retention.applyTo(site, Instant.now());
    assertEquals(3, count("select count(*) from consent_record where site_id = ?", site));
    assertEquals(3, count("select count(*) from consent_ledger where site_id = ?", site));

    // Once the newest is past them, nothing of the visitors' is left.
    age(site, 2);
    retention.applyTo(site, Instant.now());
    assertEquals(0, count("select count(*) from consent_record where site_id = ?", site));
    assertEquals(0, count("select count(*) from consent_ledger where site_id = ?", site));
    assertEquals(
        1, count("select count(*) from consent_ledger_checkpoint where site_id = ?", site));
    assertEquals(0, count("select count(*) from banner_impression where site_id = ?", site));
  }

  private static io.restassured.specification.RequestSpecification as(String subject) {
    return given().auth().oauth2(OidcServer.token(subject));
  }

  private static Map<String, byte[]> unzip(InputStream body) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(body)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        assertNull(files.put(entry.getName(), zip.readAllBytes()), entry.getName() + " twice");
      }
    }
    assertFalse(files.isEmpty(), "a ZIP archive");
    return files;
  }

  /** A small CSV reader of its own: quoted cells with doubled quotes, CRLF rows. */
  private static List<List<String>> csv(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        cell.append(c);
      }
    }
    return rows;
  }

  /** Verifies a compact JWS with the JDK's Ed25519 and a key of the exported JWK Set. */
  private JsonNode verifiedPayload(String jws, JsonNode keySet) throws Exception {
    String[] parts = jws.split("\\.");
    assertEquals(3, parts.length);
    Base64.Decoder url = Base64.getUrlDecoder();
    JsonNode header = json.readTree(url.decode(parts[0]));
    assertEquals("EdDSA", header.get("alg").asText());
    assertEquals("tree-head+jws", header.get("typ").asText());
    JsonNode jwk = null;
    for (JsonNode candidate : keySet.get("keys")) {
      if (candidate.get("kid").asText().equals(header.get("kid").asText())) {
        jwk = candidate;
      }
    }
    assertNotNull(jwk, "the signing key is in keys.json");
    byte[] raw = url.decode(jwk.get("x").asText());
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key);
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(verifier.verify(url.decode(parts[2])), "the head's signature holds");
    return json.readTree(url.decode(parts[1]));
  }

  /** MTH(D[n]) of RFC 9162 2.1.1 over hex record digests. */
  private static byte[] treeHash(List<String> digests) throws Exception {
    if (digests.size() == 1) {
      return sha256((byte) 0, HEX.parseHex(digests.get(0)));
    }
    int k = Integer.highestOneBit(digests.size() - 1);
    return sha256(
        (byte) 1, treeHash(digests.subList(0, k)), treeHash(digests.subList(k, digests.size())));
  }

  private static byte[] sha256(byte prefix, byte[]... parts) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(prefix);
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  /** Moves the site's records {@code days} into the past, as the superuser alone may. */
  private static void age(long site, int days) throws Exception {
    try (Connection db = PostgresResource.superuser();
        Statement statement = db.createStatement()) {
      // Another month is another partition: the move re-inserts the record, which the ledger's
      // queue must not take for a new one.
      statement.execute("alter table consent_record disable trigger consent_record_is_append_only");
      statement.execute(
          "alter table consent_record disable trigger consent_record_is_queued_for_ledger");
      statement.execute(
          "update consent_record set recorded_at = recorded_at - interval '"
              + days
              + " days' where site_id = "
              + site);
      statement.execute("alter table consent_record enable trigger consent_record_is_append_only");
      statement.execute(
          "alter table consent_record enable trigger consent_record_is_queued_for_ledger");
    }
  }

  /** What an operator's archiving leaves: the tenant archived and every site of it archived. */
  private static void archive(long site) throws Exception {
    setState(site, "ARCHIVED");
    try (Connection db = PostgresResource.superuser();
        PreparedStatement archive =
            db.prepareStatement(
                "update site set archived_at = now() where tenant_id ="
                    + " (select tenant_id from site where id = ?)")) {
      archive.setLong(1, site);
      archive.executeUpdate();
    }
  }

  private static void setState(long site, String state) throws Exception {
    try (Connection db = PostgresResource.superuser();
        PreparedStatement update =
            db.prepareStatement(
                "update tenant set state = ? where id = (select tenant_id from site where id = ?)")) {
      update.setString(1, state);
      update.setLong(2, site);
      update.executeUpdate();
    }
  }

  private static long tenantOf(long site) throws Exception {
    return count("select tenant_id from site where id = ?", site);
  }

  private static List<String> auditActors(long site, String action) throws Exception {
    List<String> actors = new ArrayList<>();
    try (Connection db = PostgresResource.superuser();
        PreparedStatement query =
            db.prepareStatement(
                "select actor from audit_entry where action = ? and tenant_id ="
                    + " (select tenant_id from site where id = ?)")) {
      query.setString(1, action);
      query.setLong(2, site);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          actors.add(rows.getString(1));
        }
      }
    }
    return actors;
  }

  private static long count(String sql, long site) throws Exception {
    List<String> values = column(sql, site);
    return Long.parseLong(values.get(0));
  }

  private static List<String> column(String sql, long site) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection db = PostgresResource.superuser();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, site);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }
}
