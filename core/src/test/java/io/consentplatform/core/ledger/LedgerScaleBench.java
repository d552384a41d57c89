package io.consentplatform.core.ledger;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.ledger.LedgerProofs.ConsistencyProof;
import io.consentplatform.core.ledger.LedgerProofs.InclusionProof;
import io.consentplatform.core.ledger.LedgerVerifier.Verification;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The cost of the transparency log at scale, a benchmark rather than a test (its name keeps it out
 * of the suite; bench/ledger.sh runs it): fills one site with {@code bench.ledger.records} records
 * straight in SQL, then measures records sealed per second, inclusion and consistency proof size
 * and time, and a full verification. Prints its figures; asserts only that the proofs verify.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class LedgerScaleBench {

  private static final HexFormat HEX = HexFormat.of();

  @Inject PolicyService policies;
  @Inject LedgerSealer sealer;
  @Inject LedgerProofs proofs;
  @Inject LedgerVerifier verifier;

  @Test
  void measure() throws Exception {
    long records = Long.getLong("bench.ledger.records", 100_000);
    int samples = Integer.getInteger("bench.ledger.proofs", 1000);
    long site = SiteFixture.create("bench-ledger");
    policies.publish(site, "bench");

    long start = System.nanoTime();
    try (Connection connection = PostgresResource.superuser();
        Statement sql = connection.createStatement()) {
      // The background sealer waits until everything is queued: the sealing figure is the sealer's.
      sql.execute("select pg_advisory_lock(7321, " + site + ")");
      sql.execute("alter table consent_record disable trigger consent_record_is_queued_for_ledger");
      sql.execute(
          "insert into consent_record (id, site_id, policy_version_id, visitor_id, action, method,"
              + " choices, language, recorded_at, user_agent_family, ip_truncated)"
              + " select gen_random_uuid(), s.id, v.id, gen_random_uuid(),"
              + " case when i % 3 = 0 then 'REJECT_ALL' else 'ACCEPT_ALL' end, 'BANNER',"
              + " '{\"necessary\": true, \"statistics\": true, \"marketing\": false}', 'en',"
              + " now() - interval '1 day' + i * interval '1 millisecond', 'Firefox',"
              + " '203.0.113.0' from site s join policy_version v on v.site_id = s.id,"
              + " generate_series(1, "
              + records
              + ") i where s.id = "
              + site);
      sql.execute("alter table consent_record enable trigger consent_record_is_queued_for_ledger");
      sql.execute(
          "insert into consent_ledger_pending (record_id, site_id, recorded_at)"
              + " select id, site_id, recorded_at from consent_record where site_id = "
              + site);
      sql.execute("analyze");
      sql.execute("select pg_advisory_unlock(7321, " + site + ")");
    }
    say("filled %,d records in %.1f s", records, seconds(start));

    start = System.nanoTime();
    while (pending(site) > 0) {
      sealer.sealAll();
    }
    double sealing = seconds(start);
    say("sealed %,d records in %.1f s: %,.0f records/s", records, sealing, records / sealing);
    say(
        "storage: consent_ledger %s, consent_ledger_node %s, consent_ledger_head %s (%,d heads)",
        size("consent_ledger"),
        size("consent_ledger_node"),
        size("consent_ledger_head"),
        single("select count(*) from consent_ledger_head where site_id = " + site));

    TreeHead head = proofs.latestHead("bench-ledger").orElseThrow();
    List<UUID> sample = sample(site, samples);
    long[] nanos = new long[sample.size()];
    int hashes = 0;
    for (int i = 0; i < sample.size(); i++) {
      long t = System.nanoTime();
      InclusionProof proof = proofs.inclusion("bench-ledger", sample.get(i));
      nanos[i] = System.nanoTime() - t;
      hashes = Math.max(hashes, proof.auditPath().size());
      if (!MerkleTree.verifyInclusion(
          proof.leafIndex(),
          proof.treeSize(),
          MerkleTree.leafHash(HEX.parseHex(proof.recordDigest())),
          proof.auditPath().stream().map(HEX::parseHex).toList(),
          HEX.parseHex(head.rootHash()))) {
        throw new AssertionError("The inclusion proof of " + sample.get(i) + " does not verify");
      }
    }
    Arrays.sort(nanos);
    say(
        "inclusion proof at %,d leaves: %d hashes (%,d bytes of hashes), median %.2f ms, p99 %.2f"
            + " ms over %d proofs",
        head.treeSize(),
        hashes,
        hashes * MerkleTree.HASH_BYTES,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6,
        nanos.length);

    List<TreeHead> older = proofs.heads("bench-ledger", head.treeSize() / 2, 1);
    if (!older.isEmpty()) {
      TreeHead from = older.get(0);
      long t = System.nanoTime();
      ConsistencyProof consistency =
          proofs.consistency("bench-ledger", from.treeSize(), head.treeSize());
      double ms = (System.nanoTime() - t) / 1e6;
      if (!MerkleTree.verifyConsistency(
          from.treeSize(),
          head.treeSize(),
          consistency.proof().stream().map(HEX::parseHex).toList(),
          HEX.parseHex(from.rootHash()),
          HEX.parseHex(head.rootHash()))) {
        throw new AssertionError("The consistency proof does not verify");
      }
      say(
          "consistency proof %,d -> %,d: %d hashes, %.2f ms",
          from.treeSize(), head.treeSize(), consistency.proof().size(), ms);
    }

    start = System.nanoTime();
    Verification verification = verifier.verify(owner(site), site);
    say(
        "full verification: intact=%s, %,d entries, %,d heads in %.1f s",
        verification.intact(), verification.entries(), verification.heads(), seconds(start));
    if (!verification.intact()) {
      throw new AssertionError(verification.broken().toString());
    }
  }

  private static List<UUID> sample(long site, int samples) throws Exception {
    List<UUID> ids = new ArrayList<>();
    long size = single("select max(seq) from consent_ledger where site_id = " + site);
    Random random = new Random(16);
    try (Connection connection = PostgresResource.superuser()) {
      for (int i = 0; i < samples; i++) {
        long seq = 1 + (long) (random.nextDouble() * size);
        try (ResultSet row =
            connection
                .createStatement()
                .executeQuery(
                    "select record_id from consent_ledger where site_id = "
                        + site
                        + " and seq = "
                        + seq)) {
          row.next();
          ids.add(row.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }

  private static Caller owner(long site) {
    long tenant = QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).tenant.id);
    return new Caller(tenant, "bench", Role.OWNER);
  }

  private static long pending(long site) throws Exception {
    return single("select count(*) from consent_ledger_pending where site_id = " + site);
  }

  private static String size(String table) throws Exception {
    return String.format("%,d MB", single("select pg_total_relation_size('" + table + "')") >> 20);
  }

  private static long single(String sql) throws Exception {
    try (Connection connection = PostgresResource.superuser();
        ResultSet row = connection.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void say(String format, Object... arguments) {
    System.out.println("ledger-bench: " + String.format(format, arguments));
  }
}
