package io.consentplatform.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.ledger.LedgerProofs.ConsistencyProof;
import io.consentplatform.core.ledger.LedgerProofs.InclusionProof;
import io.consentplatform.core.ledger.LedgerVerifier.Verification;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Decisions;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each site's ledger as an RFC 9162 Merkle tree log: signed heads whose roots a test recomputes on
 * its own from the entries, inclusion and consistency proofs that verify against them, retention
 * and erasure that leave the rest provable, and a verifier that sees every kind of tampering done
 * behind the application's back (as the database superuser).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class TransparencyLogTest {

  private static final HexFormat HEX = HexFormat.of();

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;
  @Inject LedgerProofs proofs;
  @Inject LedgerVerifier verifier;
  @Inject Retention retention;
  @Inject VisitorData visitors;
  @Inject ReceiptKeys keys;

  @Test
  void shouldSignAHeadOverTheTreeOfTheRecordDigests() throws Exception {
    long site = siteWithDecisions("log-head", 5);
    sealer.sealAll();

    TreeHead head = proofs.latestHead("log-head").orElseThrow();

    assertEquals("log-head", head.site());
    assertEquals(5, head.treeSize());
    assertEquals(HEX.formatHex(rootOf(digests(site))), head.rootHash());
    String[] parts = head.signature().split("\\.");
    JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode payload = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals("tree-head+jws", header.get("typ").asText());
    assertEquals("EdDSA", header.get("alg").asText());
    assertEquals("log-head", payload.get("site").asText());
    assertEquals(5, payload.get("treeSize").asLong());
    assertEquals(head.rootHash(), payload.get("rootHash").asText());
    assertEquals(head.timestamp().toEpochMilli(), payload.get("timestamp").asLong());
    assertTrue(verifiesWithTheJdk(head.signature(), publishedKey(header.get("kid").asText())));
    assertTrue(verify(site).intact());
    assertEquals(5, verify(site).treeSize());
  }

  @Test
  void shouldProveEveryRecordAndThatTheLaterTreeExtendsTheEarlierOne() throws Exception {
    long site = siteWithDecisions("log-proofs", 3);
    sealer.sealAll();
    TreeHead first = proofs.latestHead("log-proofs").orElseThrow();
    decide("log-proofs", 4);
    sealer.sealAll();
    TreeHead second = proofs.latestHead("log-proofs").orElseThrow();

    assertEquals(3, first.treeSize());
    assertEquals(7, second.treeSize());
    List<byte[]> digests = digests(site);
    assertEquals(HEX.formatHex(rootOf(digests.subList(0, 3))), first.rootHash());
    assertEquals(HEX.formatHex(rootOf(digests)), second.rootHash());
    List<UUID> records = recordIds(site);
    for (int i = 0; i < records.size(); i++) {
      InclusionProof proof = proofs.inclusion("log-proofs", records.get(i));
      assertEquals(i, proof.leafIndex());
      assertEquals(7, proof.treeSize());
      assertEquals(second, proof.head());
      assertEquals(HEX.formatHex(digests.get(i)), proof.recordDigest());
      assertEquals(
          proof.recordDigest(), proofs.recordDigest("log-proofs", records.get(i)).orElseThrow());
      assertTrue(
          MerkleTree.verifyInclusion(
              i, 7, MerkleTree.leafHash(digests.get(i)), bytes(proof.auditPath()), rootOf(digests)),
          "record " + i);
    }

    ConsistencyProof consistency = proofs.consistency("log-proofs", 3, 7);
    assertEquals(second, consistency.toHead());
    assertTrue(
        MerkleTree.verifyConsistency(
            3,
            7,
            bytes(consistency.proof()),
            HEX.parseHex(first.rootHash()),
            HEX.parseHex(second.rootHash())));
    assertEquals(List.of(), proofs.consistency("log-proofs", 7, 7).proof());
    assertEquals(first, proofs.head("log-proofs", 3).orElseThrow());
    assertTrue(proofs.head("log-proofs", 4).isEmpty());
    assertEquals(List.of(second, first), proofs.heads("log-proofs", null, 10));
    assertEquals(List.of(first), proofs.heads("log-proofs", 7L, 10));
    assertEquals(List.of(second), proofs.heads("log-proofs", null, 1));
    for (long[] bad : new long[][] {{0, 7}, {5, 4}, {3, 8}, {3, 5}}) {
      assertThrows(
          Rejected.class,
          () -> proofs.consistency("log-proofs", bad[0], bad[1]),
          bad[0] + " to " + bad[1]);
    }
  }

  @Test
  void shouldAnswerConflictUntilSealedAndNotFoundForWhatIsNotThisSites() throws Exception {
    long site = siteWithDecisions("log-pending", 1);
    siteWithDecisions("log-other", 1);
    sealer.sealAll();
    UUID other = recordIds(siteId("log-other")).get(0);
    UUID[] waiting = new UUID[1];
    holdingSealing(
        site,
        () -> {
          waiting[0] =
              consents.recordDecision("log-pending", Decisions.onBanner(ConsentAction.ACCEPT_ALL))
                  .id;
          assertThrows(Conflict.class, () -> proofs.inclusion("log-pending", waiting[0]));
          assertTrue(proofs.recordDigest("log-pending", waiting[0]).isEmpty());
        });
    sealer.sealAll();
    assertEquals(1, proofs.inclusion("log-pending", waiting[0]).leafIndex());

    assertThrows(NotFound.class, () -> proofs.inclusion("log-pending", other));
    assertTrue(proofs.recordDigest("log-pending", other).isEmpty());
    assertThrows(NotFound.class, () -> proofs.inclusion("log-pending", UUID.randomUUID()));
    assertThrows(NotFound.class, () -> proofs.latestHead("log-nowhere"));
    assertThrows(NotFound.class, () -> proofs.consistency("log-nowhere", 1, 1));
  }

  @Test
  void shouldKeepAnErasedRecordsLeafAndEveryOtherProof() throws Exception {
    long site = siteWithDecisions("log-erased", 2);
    // A first decision: the platform gives the visitor their id (naming one needs its token).
    UUID[] visitorOf = new UUID[1];
    holdingSealing(
        site,
        () -> {
          visitorOf[0] =
              consents.recordDecision(
                      "log-erased",
                      new Decision(
                          null,
                          1,
                          ConsentAction.ACCEPT_ALL,
                          null,
                          "en",
                          ConsentMethod.BANNER,
                          false,
                          null,
                          null))
                  .visitorId;
          record("log-erased", 2);
        });
    sealer.sealAll();
    List<byte[]> before = digests(site);
    List<UUID> records = recordIds(site);
    UUID visitor = visitorOf[0];

    visitors.erase(owner(site), site, visitor);

    assertThrows(NotFound.class, () -> proofs.inclusion("log-erased", records.get(2)));
    assertTrue(proofs.recordDigest("log-erased", records.get(2)).isEmpty());
    for (int i : new int[] {0, 1, 3, 4}) {
      InclusionProof proof = proofs.inclusion("log-erased", records.get(i));
      assertTrue(
          MerkleTree.verifyInclusion(
              i, 5, MerkleTree.leafHash(before.get(i)), bytes(proof.auditPath()), rootOf(before)));
    }
    Verification verification = verify(site);
    assertTrue(verification.intact(), String.valueOf(verification.broken()));
    assertEquals(1, verification.erased());
    assertEquals(HEX.formatHex(rootOf(before)), verification.rootHash());
  }

  @Test
  void shouldProveTheRestBehindASignedCheckpointAfterRetention() throws Exception {
    long site = SiteFixture.create("log-retention");
    policies.publish(site, "test");
    // Four of them were recorded long ago, before they were sealed.
    holdingSealing(
        site,
        () -> {
          record("log-retention", 6);
          superuser(
              // Another month is another partition: the move re-inserts the record, which the
              // ledger's queue must not take for a new one.
              "alter table consent_record disable trigger consent_record_is_append_only",
              "alter table consent_record disable trigger consent_record_is_queued_for_ledger",
              "update consent_record set recorded_at = recorded_at - interval '4000 days'"
                  + " where id in (select id from consent_record where site_id = "
                  + site
                  + " order by recorded_at limit 4)",
              "alter table consent_record enable trigger consent_record_is_queued_for_ledger",
              "alter table consent_record enable trigger consent_record_is_append_only");
        });
    sealer.sealAll();
    List<UUID> records = recordIds(site);
    List<byte[]> all = digests(site);

    List<Retention.Removal> removed = retention.applyTo(site, Instant.now());

    assertEquals(List.of(new Retention.Removal(site, 4, 4)), removed);
    TreeHead checkpoint = proofs.head("log-retention", 4).orElseThrow();
    assertEquals(HEX.formatHex(rootOf(all.subList(0, 4))), checkpoint.rootHash());
    assertEquals(
        0, count("select count(*) from consent_ledger where site_id = " + site + " and seq <= 4"));
    assertEquals(
        0,
        count(
            "select count(*) from consent_ledger_node where site_id = "
                + site
                + " and (idx + 1) << level <= 4"));
    assertThrows(NotFound.class, () -> proofs.inclusion("log-retention", records.get(0)));
    assertThrows(Rejected.class, () -> proofs.consistency("log-retention", 3, 6));
    ConsistencyProof fromCheckpoint = proofs.consistency("log-retention", 4, 6);
    assertTrue(
        MerkleTree.verifyConsistency(
            4, 6, bytes(fromCheckpoint.proof()), HEX.parseHex(checkpoint.rootHash()), rootOf(all)));

    decide("log-retention", 3);
    sealer.sealAll();
    List<byte[]> grown = new ArrayList<>(all);
    grown.addAll(digests(site).subList(2, 5));
    TreeHead latest = proofs.latestHead("log-retention").orElseThrow();
    assertEquals(9, latest.treeSize());
    assertEquals(HEX.formatHex(rootOf(grown)), latest.rootHash());
    List<UUID> kept = recordIds(site);
    for (int i = 0; i < kept.size(); i++) {
      InclusionProof proof = proofs.inclusion("log-retention", kept.get(i));
      assertEquals(4 + i, proof.leafIndex());
      assertTrue(
          MerkleTree.verifyInclusion(
              4 + i,
              9,
              MerkleTree.leafHash(grown.get(4 + i)),
              bytes(proof.auditPath()),
              rootOf(grown)));
    }
    Verification verification = verify(site);
    assertTrue(verification.intact(), String.valueOf(verification.broken()));
    assertEquals(4L, verification.fromCheckpoint());
    assertEquals(5, verification.entries());

    // A second retention, to an odd size: its edge takes a leaf and a subtree of the first one's.
    superuser(
        "alter table consent_record disable trigger consent_record_is_append_only",
        "alter table consent_record disable trigger consent_record_is_queued_for_ledger",
        "update consent_record set recorded_at = recorded_at - interval '4000 days' where id in"
            + " (select record_id from consent_ledger where site_id = "
            + site
            + " and seq between 5 and 7)",
        "alter table consent_record enable trigger consent_record_is_queued_for_ledger",
        "alter table consent_record enable trigger consent_record_is_append_only");

    assertEquals(
        List.of(new Retention.Removal(site, 3, 7)), retention.applyTo(site, Instant.now()));
    assertEquals(
        HEX.formatHex(rootOf(grown.subList(0, 7))),
        proofs.head("log-retention", 7).orElseThrow().rootHash());
    List<UUID> last = recordIds(site);
    for (int i = 0; i < last.size(); i++) {
      InclusionProof proof = proofs.inclusion("log-retention", last.get(i));
      assertEquals(7 + i, proof.leafIndex());
      assertTrue(
          MerkleTree.verifyInclusion(
              7 + i,
              9,
              MerkleTree.leafHash(grown.get(7 + i)),
              bytes(proof.auditPath()),
              rootOf(grown)));
    }
    assertTrue(
        MerkleTree.verifyConsistency(
            7,
            9,
            bytes(proofs.consistency("log-retention", 7, 9).proof()),
            rootOf(grown.subList(0, 7)),
            rootOf(grown)));
    Verification rest = verify(site);
    assertTrue(rest.intact(), String.valueOf(rest.broken()));
    assertEquals(7L, rest.fromCheckpoint());
    assertEquals(2, rest.entries());
  }

  /**
   * Monthly partitions (V24): a month whose every record is past its tenant's retention goes whole,
   * records and entries; in a month that also holds a long-retention tenant's records, only the
   * short one's expired rows are deleted. Proofs of what is kept and the full verification still
   * pass.
   */
  @Test
  void shouldDropAWhollyExpiredMonthAndDeleteOnlyExpiredRowsOfAYoungerOne() throws Exception {
    // A new installation's past has no month partitions (V24): make two through the platform's
    // own function, as its role may: one past every retention, one past 30 days only.
    try (Connection runtime = PostgresResource.runtimeRole();
        Statement statement = runtime.createStatement()) {
      statement.execute("select consent_create_partitions('2003-01-01', 0)");
      statement.execute("select consent_create_partitions('2024-03-01', 0)");
    }
    long brief = SiteFixture.create("log-part-brief");
    long lasting = SiteFixture.create("log-part-lasting");
    policies.publish(brief, "test");
    policies.publish(lasting, "test");
    superuser(
        "update tenant set consent_retention_days = 30 where id = (select tenant_id from site"
            + " where id = "
            + brief
            + ")",
        "update tenant set consent_retention_days = 3650 where id = (select tenant_id from site"
            + " where id = "
            + lasting
            + ")");
    holdingSealing(
        brief,
        () ->
            holdingSealing(
                lasting,
                () -> {
                  record("log-part-brief", 2);
                  record("log-part-lasting", 2);
                  // Earlier decisions, as the writer stores them, in the two past months.
                  superuser(
                      copies(brief, "2003-01-10", "2003-01-20", "2024-03-05", "2024-03-25"),
                      copies(lasting, "2024-03-07", "2024-03-27"));
                }));
    sealer.sealAll();
    List<UUID> briefIds = recordIds(brief);
    List<byte[]> briefDigests = digests(brief);
    List<byte[]> lastingDigests = digests(lasting);

    List<Retention.Removal> removed = retention.applyTo(brief, Instant.now());

    assertEquals(List.of(new Retention.Removal(brief, 4, 4)), removed);
    assertEquals(
        0,
        count(
            "select count(*) from pg_inherits where inhrelid::regclass::text in"
                + " ('consent_record_2003_01', 'consent_ledger_2003_01')"));
    assertEquals(
        2,
        count(
            "select count(*) from pg_inherits where inhrelid::regclass::text in"
                + " ('consent_record_2024_03', 'consent_ledger_2024_03')"));
    assertEquals(0, count("select count(*) from consent_record_2024_03 where site_id = " + brief));
    assertEquals(
        2, count("select count(*) from consent_record_2024_03 where site_id = " + lasting));
    assertEquals(2, count("select count(*) from consent_record where site_id = " + brief));
    assertEquals(
        0,
        count(
            "select count(*) from consent_ledger_node where site_id = "
                + brief
                + " and (idx + 1) << level <= 4"));
    TreeHead checkpoint = proofs.head("log-part-brief", 4).orElseThrow();
    assertEquals(HEX.formatHex(rootOf(briefDigests.subList(0, 4))), checkpoint.rootHash());
    for (int i = 4; i < 6; i++) {
      InclusionProof proof = proofs.inclusion("log-part-brief", briefIds.get(i));
      assertEquals(i, proof.leafIndex());
      assertTrue(
          MerkleTree.verifyInclusion(
              i,
              6,
              MerkleTree.leafHash(briefDigests.get(i)),
              bytes(proof.auditPath()),
              rootOf(briefDigests)));
    }
    Verification rest = verify(brief);
    assertTrue(rest.intact(), String.valueOf(rest.broken()));
    assertEquals(4L, rest.fromCheckpoint());
    assertEquals(2, rest.entries());

    assertEquals(List.of(), retention.applyTo(lasting, Instant.now()));
    List<UUID> lastingIds = recordIds(lasting);
    for (int i = 0; i < 4; i++) {
      InclusionProof proof = proofs.inclusion("log-part-lasting", lastingIds.get(i));
      assertTrue(
          MerkleTree.verifyInclusion(
              i,
              4,
              MerkleTree.leafHash(lastingDigests.get(i)),
              bytes(proof.auditPath()),
              rootOf(lastingDigests)));
    }
    Verification whole = verify(lasting);
    assertTrue(whole.intact(), String.valueOf(whole.broken()));
    assertEquals(4, whole.entries());
  }

  /** Copies of one of the site's records at the given times (UTC dates), with their own ids. */
  private static String copies(long site, String... dates) {
    return "insert into consent_record (id, site_id, policy_version_id, visitor_id, action,"
        + " method, choices, language, gpc, recorded_at, user_agent_family, ip_truncated, region,"
        + " experience) select gen_random_uuid(), r.site_id, r.policy_version_id,"
        + " gen_random_uuid(), r.action, r.method, r.choices, r.language, r.gpc, d::timestamptz,"
        + " r.user_agent_family, r.ip_truncated, r.region, r.experience"
        + " from (select * from consent_record where site_id = "
        + site
        + " limit 1) r, unnest(array['"
        + String.join(" 12:00Z', '", dates)
        + " 12:00Z']) d";
  }

  @Test
  void shouldFindEveryKindOfTampering() throws Exception {
    long intact = tampered("log-t-intact");
    long altered = tampered("log-t-altered");
    long removed = tampered("log-t-removed");
    long slipped = tampered("log-t-slipped");
    long rewritten = tampered("log-t-rewritten");
    long node = tampered("log-t-node");
    long truncated = tampered("log-t-truncated");
    long forgedRoot = tampered("log-t-forged-root");
    long forgedKey = tampered("log-t-forged-key");
    UUID alteredRecord = recordIds(altered).get(2);
    UUID removedRecord = recordIds(removed).get(3);
    UUID rewrittenRecord = recordIds(rewritten).get(4);
    TreeHead head = proofs.latestHead("log-t-forged-key").orElseThrow();

    superuser(
        "alter table consent_record disable trigger consent_record_is_append_only",
        "update consent_record set action = 'REJECT_ALL', choices = '{\"necessary\": true,"
            + " \"statistics\": false, \"marketing\": false}' where id = '"
            + alteredRecord
            + "'",
        "delete from consent_record where id = '" + removedRecord + "'",
        "alter table consent_record enable trigger consent_record_is_append_only",
        "alter table consent_record disable trigger consent_record_is_queued_for_ledger",
        "insert into consent_record (id, site_id, policy_version_id, visitor_id, action, method,"
            + " choices, language, recorded_at) select gen_random_uuid(), site_id,"
            + " policy_version_id, visitor_id, 'ACCEPT_ALL', 'API', choices, language, now()"
            + " from consent_record where site_id = "
            + slipped
            + " limit 1",
        "alter table consent_record enable trigger consent_record_is_queued_for_ledger",
        "alter table consent_ledger disable trigger consent_ledger_is_append_only",
        "update consent_ledger set record_digest = repeat('a', 64) where site_id = "
            + rewritten
            + " and seq = 5",
        "delete from consent_ledger where site_id = " + truncated + " and seq > 4",
        "alter table consent_ledger enable trigger consent_ledger_is_append_only",
        "alter table consent_ledger_node disable trigger consent_ledger_node_is_append_only",
        "update consent_ledger_node set hash = sha256('forged') where site_id = "
            + node
            + " and level = 1 and idx = 1",
        "alter table consent_ledger_node enable trigger consent_ledger_node_is_append_only",
        "insert into consent_ledger_head (site_id, tree_size, root_hash, signed_at, signature)"
            + " select site_id, tree_size, repeat('b', 64), signed_at + interval '1 second',"
            + " signature from consent_ledger_head where site_id = "
            + forgedRoot,
        "insert into consent_ledger_head (site_id, tree_size, root_hash, signed_at, signature)"
            + " values ("
            + forgedKey
            + ", 6, '"
            + head.rootHash()
            + "', '"
            + head.timestamp().plusSeconds(1)
            + "', '"
            + signedByAStranger(
                "log-t-forged-key", 6, head.rootHash(), head.timestamp().plusSeconds(1))
            + "')");

    Verification fine = verify(intact);
    assertTrue(fine.intact(), String.valueOf(fine.broken()));
    assertEquals(6, fine.entries());
    assertEquals(2, fine.heads());
    assertBroken(altered, 3, alteredRecord, "the record was altered");
    assertBroken(removed, 4, removedRecord, "the record is missing");
    assertEquals("a record is outside the log", verify(slipped).broken().problem());
    assertBroken(rewritten, 5, rewrittenRecord, "the entry was altered");
    assertBroken(node, 4, null, "the tree's node over entries 3 to 4 was altered");
    assertBroken(
        truncated,
        5,
        null,
        "the log ends at entry 4 but a head was signed at size 6: entries were removed");
    assertBroken(forgedRoot, 3, null, "the head signed at size 3 does not match the log");
    assertBroken(forgedKey, 6, null, "the head signed at size 6 has no valid signature");
  }

  /** A site of six records sealed in two rounds, so that it has heads at sizes 3 and 6. */
  private long tampered(String key) throws Exception {
    long site = siteWithDecisions(key, 3);
    sealer.sealAll();
    decide(key, 3);
    sealer.sealAll();
    return site;
  }

  private void assertBroken(long site, long seq, UUID record, String problem) {
    Verification verification = verify(site);
    assertFalse(verification.intact(), problem);
    assertEquals(
        new LedgerVerifier.BrokenLink(seq, record, problem), verification.broken(), problem);
  }

  private Verification verify(long site) {
    return verifier.verify(owner(site), site);
  }

  private static Caller owner(long site) {
    long tenant = QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).tenant.id);
    return new Caller(tenant, "log-test", Role.OWNER);
  }

  private long siteWithDecisions(String key, int decisions) throws Exception {
    long site = SiteFixture.create(key);
    policies.publish(site, "test");
    decide(key, decisions);
    return site;
  }

  /**
   * Records decisions while holding the site's sealing lock, so that the background sealer cannot
   * seal half of them: each call's decisions end up under one head.
   */
  private void decide(String key, int decisions) throws Exception {
    holdingSealing(siteId(key), () -> record(key, decisions));
  }

  private void record(String key, int decisions) {
    for (int i = 0; i < decisions; i++) {
      consents.recordDecision(
          key,
          Decisions.onBanner(i % 2 == 0 ? ConsentAction.ACCEPT_ALL : ConsentAction.REJECT_ALL));
    }
  }

  /** Work to do while no sealer may seal the site (LedgerSealer's advisory lock, 7321). */
  private static void holdingSealing(long site, Work work) throws Exception {
    try (Connection lock = PostgresResource.superuser();
        Statement statement = lock.createStatement()) {
      statement.execute("select pg_advisory_lock(7321, " + site + ")");
      try {
        work.run();
      } finally {
        statement.execute("select pg_advisory_unlock(7321, " + site + ")");
      }
    }
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  /**
   * The tree's root as RFC 9162 2.1.1 defines MTH, written here from the RFC's text: the empty
   * string's hash, a leaf's hash, or the hash of the split at the largest power of two.
   */
  static byte[] rootOf(List<byte[]> leafInputs) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    int n = leafInputs.size();
    if (n == 0) {
      return sha256.digest();
    }
    if (n == 1) {
      sha256.update((byte) 0);
      return sha256.digest(leafInputs.get(0));
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    byte[] left = rootOf(leafInputs.subList(0, k));
    byte[] right = rootOf(leafInputs.subList(k, n));
    sha256.update((byte) 1);
    sha256.update(left);
    return sha256.digest(right);
  }

  /** The record digests of the site's ledger entries in sealing order, as stored. */
  static List<byte[]> digests(long site) throws Exception {
    List<byte[]> digests = new ArrayList<>();
    try (Connection connection = PostgresResource.superuser();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "select record_digest from consent_ledger where site_id = "
                        + site
                        + " order by seq")) {
      while (rows.next()) {
        digests.add(HEX.parseHex(rows.getString(1)));
      }
    }
    return digests;
  }

  private static List<UUID> recordIds(long site) throws Exception {
    List<UUID> ids = new ArrayList<>();
    try (Connection connection = PostgresResource.superuser();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "select record_id from consent_ledger where site_id = "
                        + site
                        + " order by seq")) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  private static long siteId(String key) throws Exception {
    return count("select id from site where site_key = '" + key + "'");
  }

  private static long count(String sql) throws Exception {
    try (Connection connection = PostgresResource.superuser();
        ResultSet row = connection.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static List<byte[]> bytes(List<String> hex) {
    return hex.stream().map(HEX::parseHex).toList();
  }

  /** Statements run as someone with the database's superuser password would. */
  private static void superuser(String... statements) throws Exception {
    try (Connection connection = PostgresResource.superuser();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** A well-formed head signed by a key the platform never published. */
  private static String signedByAStranger(String siteKey, long size, String root, Instant timestamp)
      throws Exception {
    var stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString(
            "{\"alg\":\"EdDSA\",\"kid\":\"stranger\",\"typ\":\"tree-head+jws\"}"
                .getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            TreeHeads.payload(siteKey, size, root, timestamp).getBytes(StandardCharsets.UTF_8));
    Signature ed25519 = Signature.getInstance("Ed25519");
    ed25519.initSign(stranger.getPrivate());
    ed25519.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header + "." + payload + "." + b64.encodeToString(ed25519.sign());
  }

  private PublicKey publishedKey(String kid) throws Exception {
    for (JsonNode key : new ObjectMapper().readTree(keys.publishedKeySet()).get("keys")) {
      if (key.get("kid").asText().equals(kid)) {
        byte[] raw = Base64.getUrlDecoder().decode(key.get("x").asText());
        // RFC 8410: the X.509 SubjectPublicKeyInfo of an Ed25519 key is this prefix and the key.
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] der = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, der, prefix.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      }
    }
    throw new AssertionError("No published key " + kid);
  }

  private static boolean verifiesWithTheJdk(String jws, PublicKey key) throws Exception {
    String[] parts = jws.split("\\.");
    Signature ed25519 = Signature.getInstance("Ed25519");
    ed25519.initVerify(key);
    ed25519.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return ed25519.verify(Base64.getUrlDecoder().decode(parts[2]));
  }
}
