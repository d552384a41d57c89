package io.consentplatform.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.ledger.LedgerVerifier.Verification;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.Region;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The record digest covers where the visitor was and which experience applied (format {@code
 * consent-record/2}), while records from before regions keep their format-1 digests: the expected
 * digests are written here from the format's description in docs/proof.md, not by the platform's
 * code, and tampering is done as the database superuser.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RecordDigestFormatTest {

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;
  @Inject LedgerVerifier verifier;

  @Test
  void shouldSealRegionAndExperienceAndDetectEitherBeingChanged() throws Exception {
    long region = siteWithRegionalDecisions("digest-v2-region");
    long experience = siteWithRegionalDecisions("digest-v2-experience");
    UUID changedRegion = recordIds(region).get(1);
    UUID changedExperience = recordIds(experience).get(1);

    assertEquals(expectedDigests(region), storedDigests(region));
    assertTrue(
        storedRow(region, recordIds(region).get(0)).contains("US-CA"),
        "the record kept the visitor's region");
    assertIntact(region);

    superuser(
        "alter table consent_record disable trigger consent_record_is_append_only",
        "update consent_record set region = 'US-NC' where id = '" + changedRegion + "'",
        "update consent_record set experience = 'OPT_IN' where id = '" + changedExperience + "'",
        "alter table consent_record enable trigger consent_record_is_append_only");

    assertAltered(region, 2, changedRegion);
    assertAltered(experience, 2, changedExperience);
  }

  @Test
  void shouldKeepTheFirstFormatForRecordsFromBeforeRegionsAndSeeARegionAddedToThem()
      throws Exception {
    long site = SiteFixture.create("digest-v1");
    policies.publish(site, "test");
    holdingSealing(
        site,
        () -> {
          record("digest-v1", null, 3);
          // As V20 left the records made before it: no region, no experience.
          superuser(
              "alter table consent_record disable trigger consent_record_is_append_only",
              "update consent_record set region = null, experience = null where site_id = " + site,
              "alter table consent_record enable trigger consent_record_is_append_only");
        });
    sealer.sealAll();

    List<String> expected = expectedDigests(site);
    assertEquals(expected, storedDigests(site));
    assertIntact(site);

    UUID old = recordIds(site).get(2);
    superuser(
        "alter table consent_record disable trigger consent_record_is_append_only",
        "update consent_record set region = 'FR' where id = '" + old + "'",
        "alter table consent_record enable trigger consent_record_is_append_only");
    assertAltered(site, 3, old);
  }

  /** Three decisions from a Californian visitor, sealed. */
  private long siteWithRegionalDecisions(String key) throws Exception {
    long site = SiteFixture.create(key);
    policies.publish(site, "test");
    holdingSealing(site, () -> record(key, Region.parse("US-CA").orElseThrow(), 3));
    sealer.sealAll();
    return site;
  }

  private void record(String key, Region region, int decisions) {
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
              null,
              null,
              region));
    }
  }

  private void assertIntact(long site) {
    Verification verification = verifier.verify(owner(site), site);
    assertTrue(verification.intact(), String.valueOf(verification.broken()));
  }

  private void assertAltered(long site, long seq, UUID record) {
    Verification verification = verifier.verify(owner(site), site);
    assertFalse(verification.intact());
    assertEquals(
        new LedgerVerifier.BrokenLink(seq, record, "the record was altered"),
        verification.broken());
  }

  private static Caller owner(long site) {
    long tenant = QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).tenant.id);
    return new Caller(tenant, "digest-test", Role.OWNER);
  }

  /**
   * Each record's digest as docs/proof.md describes it: the SHA-256 of a compact JSON array of the
   * format, the record's fields, and in format 2 the region and experience.
   */
  private static List<String> expectedDigests(long site) throws Exception {
    List<String> digests = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Connection connection = PostgresResource.superuser();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery(
                    "select r.id, r.site_id, v.number, v.content_hash, r.visitor_id, r.action,"
                        + " r.method, r.choices::text, r.language, r.gpc, r.recorded_at,"
                        + " r.user_agent_family, r.ip_truncated, r.region, r.experience"
                        + " from consent_ledger l join consent_record r on r.id = l.record_id"
                        + " join policy_version v on v.id = r.policy_version_id"
                        + " where l.site_id = "
                        + site
                        + " order by l.seq")) {
      while (row.next()) {
        boolean regional = row.getString(14) != null || row.getString(15) != null;
        List<Object> fields = new ArrayList<>();
        fields.add(regional ? "consent-record/2" : "consent-record/1");
        fields.add(row.getString(1));
        fields.add(row.getLong(2));
        fields.add(row.getInt(3));
        for (int column = 4; column <= 9; column++) {
          fields.add(row.getString(column));
        }
        fields.add(row.getBoolean(10));
        fields.add(
            row.getObject(11, java.time.OffsetDateTime.class)
                .withOffsetSameInstant(ZoneOffset.UTC)
                .toString());
        fields.add(row.getString(12));
        fields.add(row.getString(13));
        if (regional) {
          fields.add(row.getString(14));
          fields.add(row.getString(15));
        }
        byte[] hash =
            MessageDigest.getInstance("SHA-256")
                .digest(json.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8));
        digests.add(HexFormat.of().formatHex(hash));
      }
    }
    return digests;
  }

  private static List<String> storedDigests(long site) throws Exception {
    return strings("select record_digest from consent_ledger where site_id = " + site, "seq");
  }

  private static List<UUID> recordIds(long site) throws Exception {
    return strings("select record_id from consent_ledger where site_id = " + site, "seq").stream()
        .map(UUID::fromString)
        .toList();
  }

  private static String storedRow(long site, UUID record) throws Exception {
    return strings(
            "select region || ' ' || experience from consent_record where id = '" + record + "'",
            "1")
        .get(0);
  }

  private static List<String> strings(String sql, String order) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection connection = PostgresResource.superuser();
        ResultSet rows = connection.createStatement().executeQuery(sql + " order by " + order)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static void superuser(String... statements) throws Exception {
    try (Connection connection = PostgresResource.superuser();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Work done while no sealer may seal the site (LedgerSealer's advisory lock, 7321). */
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
}
