package io.consentplatform.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.db.EmbeddedPostgresServer;
import io.consentplatform.core.ledger.LedgerProofs.InclusionProof;
import io.consentplatform.core.ledger.LedgerVerifier.Verification;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An installation of the hash-chain ledger (schema V17) upgraded to the transparency log: the first
 * sealing round builds each site's tree over the entries it already has, in their order, then seals
 * what was still queued, without losing a record; proofs and the verifier work on the result, also
 * for a site whose chain retention had already cut.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class LedgerUpgradeTest {

  private static final HexFormat HEX = HexFormat.of();

  /**
   * The record's columns as the previous sealer read them: that schema had no region nor
   * experience, which read as null here so that the digest is the format-1 one it computed.
   */
  private static final String COLUMNS_BEFORE_REGIONS =
      RecordDigest.COLUMNS.replace(", r.region, r.experience", ", null::text, null::text");

  @Inject CoreConfig config;
  @Inject ReceiptSigner signer;
  @Inject LedgerVerifier verifier;

  @Test
  void shouldBuildTheTreeOfAChainedLedgerWithoutLosingARecord() throws Exception {
    String url = emptyDatabase("ledger_upgrade");
    flyway(url, "17").migrate();
    long plain;
    long retained;
    List<String> chained;
    try (Connection connection = connect(url)) {
      plain = siteWithRecords(connection, "up-plain", 7);
      retained = siteWithRecords(connection, "up-retained", 5);
      // As the previous sealer did: five records chained, two still queued.
      sealTheOldWay(connection, plain, 5);
      sealTheOldWay(connection, retained, 5);
      chained = chainHashes(connection, plain);
      // As the previous retention did: entries 1 and 2 behind a checkpoint with entry 2's hash.
      try (Statement statement = connection.createStatement()) {
        statement.execute("begin");
        statement.execute(
            "insert into consent_ledger_checkpoint (site_id, seq, hash, removed, created_at)"
                + " select site_id, seq, hash, 2, now() from consent_ledger where site_id = "
                + retained
                + " and seq = 2");
        statement.execute("set local consent.deletion = 'retention'");
        statement.execute(
            "delete from consent_record where id in (select record_id from consent_ledger"
                + " where site_id = "
                + retained
                + " and seq <= 2)");
        statement.execute(
            "delete from consent_ledger where site_id = " + retained + " and seq <= 2");
        statement.execute("commit");
      }
    }
    List<String> digestsBefore = digests(url, plain);

    flyway(url, "latest").migrate();
    PGSimpleDataSource upgraded = new PGSimpleDataSource();
    upgraded.setURL(url);
    // The upgraded platform runs as the runtime role, which may not change what it upgrades.
    upgraded.setUser(EmbeddedPostgresServer.RUNTIME);
    upgraded.setPassword(PostgresResource.server().runtimePassword());
    new LedgerSealer(upgraded, config, signer).sealAll();

    try (Connection connection = connect(url)) {
      assertEquals(
          7, count(connection, "select count(*) from consent_record where site_id = " + plain));
      assertEquals(0, count(connection, "select count(*) from consent_ledger_pending"));
      List<String> digests = digests(url, plain);
      assertEquals(7, digests.size());
      assertEquals(digestsBefore, digests.subList(0, 5), "the chained entries keep their digests");
      assertEquals(chained, chainHashes(connection, plain), "and their links");
      LedgerProofs proofs = new LedgerProofs(upgraded);
      TreeHead head = proofs.latestHead("up-plain").orElseThrow();
      assertEquals(7, head.treeSize());
      byte[] root = TransparencyLogTest.rootOf(digests.stream().map(HEX::parseHex).toList());
      assertEquals(HEX.formatHex(root), head.rootHash());
      List<UUID> records = recordIds(connection, plain);
      for (int i = 0; i < records.size(); i++) {
        InclusionProof proof = proofs.inclusion("up-plain", records.get(i));
        assertTrue(
            MerkleTree.verifyInclusion(
                i,
                7,
                MerkleTree.leafHash(HEX.parseHex(digests.get(i))),
                proof.auditPath().stream().map(HEX::parseHex).toList(),
                root));
      }
      Verification whole = verifier.walk(connection, plain);
      assertTrue(whole.intact(), String.valueOf(whole.broken()));
      assertEquals(7, whole.entries());

      TreeHead cut = proofs.latestHead("up-retained").orElseThrow();
      assertEquals(5, cut.treeSize());
      List<UUID> kept = recordIds(connection, retained);
      assertEquals(3, kept.size());
      for (int i = 0; i < kept.size(); i++) {
        InclusionProof proof = proofs.inclusion("up-retained", kept.get(i));
        assertEquals(2 + i, proof.leafIndex());
        assertTrue(
            MerkleTree.verifyInclusion(
                2 + i,
                5,
                MerkleTree.leafHash(HEX.parseHex(proof.recordDigest())),
                proof.auditPath().stream().map(HEX::parseHex).toList(),
                HEX.parseHex(cut.rootHash())));
      }
      Verification rest = verifier.walk(connection, retained);
      assertTrue(rest.intact(), String.valueOf(rest.broken()));
      assertEquals(2L, rest.fromCheckpoint());
      assertEquals(3, rest.entries());
    }
  }

  /**
   * V24 on an installation holding records (the property partitions.records, 20,000 by default; a
   * million by hand): the tables become partitioned without a row changing, the upgraded sealer
   * builds the tree over what was sealed before and seals the rest, the log verifies, an old
   * record's proof holds, and a new decision goes into its month's partition.
   */
  @Test
  void shouldKeepEveryRecordAndItsProofWhenTheTablesArePartitioned() throws Exception {
    int records = Integer.getInteger("partitions.records", 20_000);
    String url = emptyDatabase("ledger_partitions");
    flyway(url, "23").migrate();
    long site;
    String recordsBefore;
    String entriesBefore;
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement()) {
      site = siteWithRecords(connection, "part-site", 0);
      // Spread over the last 400 days, as the writer stores them.
      statement.execute(
          "insert into consent_record (id, site_id, policy_version_id, visitor_id, action, method,"
              + " choices, language, gpc, recorded_at, user_agent_family, ip_truncated, region,"
              + " experience) select gen_random_uuid(), v.site_id, v.id, gen_random_uuid(),"
              + " 'CUSTOM', 'BANNER', '{\"necessary\": true, \"marketing\": false}', 'en', false,"
              + " now() - i * interval '400 days' / "
              + records
              + ", 'Firefox', '192.0.2.0', 'FR', 'OPT_IN' from policy_version v,"
              + " generate_series(1, "
              + records
              + ") i where v.site_id = "
              + site);
      // Sealed before the upgrade, all but the latest hundred, which are still queued.
      sealInBulk(connection, site, records - 100);
      recordsBefore = checksum(connection, "select r::text from consent_record r");
      entriesBefore = checksum(connection, ENTRY_COLUMNS);
    }

    long started = System.nanoTime();
    flyway(url, "latest").migrate();
    System.out.printf(
        "V24 made partitions of %d records in %d ms%n",
        records, (System.nanoTime() - started) / 1_000_000);

    PGSimpleDataSource upgraded = new PGSimpleDataSource();
    upgraded.setURL(url);
    upgraded.setUser(EmbeddedPostgresServer.RUNTIME);
    upgraded.setPassword(PostgresResource.server().runtimePassword());
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement()) {
      assertEquals(recordsBefore, checksum(connection, "select r::text from consent_record r"));
      assertEquals(entriesBefore, checksum(connection, ENTRY_COLUMNS));
      assertEquals(records, count(connection, "select count(*) from consent_record_initial"));
      assertEquals(100, count(connection, "select count(*) from consent_ledger_pending"));

      new LedgerSealer(upgraded, config, signer).sealAll();

      Verification whole = verifier.walk(connection, site);
      assertTrue(whole.intact(), String.valueOf(whole.broken()));
      assertEquals(records, whole.entries());
      LedgerProofs proofs = new LedgerProofs(upgraded);
      TreeHead head = proofs.latestHead("part-site").orElseThrow();
      assertEquals(records, head.treeSize());
      for (long seq : new long[] {1, records / 2, records}) {
        String record =
            strings(
                    connection,
                    "select record_id from consent_ledger where site_id = "
                        + site
                        + " and seq = "
                        + seq)
                .get(0);
        InclusionProof proof = proofs.inclusion("part-site", UUID.fromString(record));
        assertEquals(seq - 1, proof.leafIndex());
        assertTrue(
            MerkleTree.verifyInclusion(
                seq - 1,
                records,
                MerkleTree.leafHash(HEX.parseHex(proof.recordDigest())),
                proof.auditPath().stream().map(HEX::parseHex).toList(),
                HEX.parseHex(head.rootHash())));
      }

      // A decision now, written by the runtime role as the writer does.
      UUID decision = UUID.randomUUID();
      try (Connection runtime = upgraded.getConnection();
          Statement write = runtime.createStatement()) {
        write.execute(
            "insert into consent_record (id, site_id, policy_version_id, visitor_id, action,"
                + " method, choices, language, gpc, recorded_at) select '"
                + decision
                + "', site_id, id, gen_random_uuid(), 'ACCEPT_ALL', 'BANNER',"
                + " '{\"necessary\": true}', 'en', false, now() from policy_version");
      }
      new LedgerSealer(upgraded, config, signer).sealAll();
      String month = YearMonth.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy_MM"));
      assertEquals(
          List.of("consent_record_" + month),
          strings(
              connection,
              "select tableoid::regclass::text from consent_record where id = '" + decision + "'"));
      assertEquals(
          List.of("consent_ledger_" + month),
          strings(
              connection,
              "select tableoid::regclass::text from consent_ledger where record_id = '"
                  + decision
                  + "'"));
      Verification grown = verifier.walk(connection, site);
      assertTrue(grown.intact(), String.valueOf(grown.broken()));
      assertEquals(records + 1, grown.entries());
    }
  }

  /** The ledger's columns before V24, as text, for a checksum. */
  private static final String ENTRY_COLUMNS =
      "select row(site_id, seq, record_id, record_digest, prev_hash, hash, sealed_at)::text"
          + " from consent_ledger";

  /** An order-independent checksum of the rows a query returns as text. */
  private static String checksum(Connection connection, String rowsAsText) throws SQLException {
    return strings(
            connection,
            "select count(*) || ':' || md5(string_agg(t, ',' order by t)) from ("
                + rowsAsText
                + ") as rows (t)")
        .get(0);
  }

  /**
   * As the sealer before V24 left a site: its oldest {@code sealed} records as entries in their
   * order, their digests computed as it did, without the tree, which the first round after an
   * upgrade builds from the entries.
   */
  private static void sealInBulk(Connection connection, long site, int sealed) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select "
                + RecordDigest.COLUMNS
                + " from consent_record r join policy_version v on v.id = r.policy_version_id"
                + " where r.site_id = ? order by r.recorded_at, r.id limit ?")) {
      query.setLong(1, site);
      query.setInt(2, sealed);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          ids.add(row.getObject(1, UUID.class));
          digests.add(RecordDigest.of(row, 1));
        }
      }
    }
    try (PreparedStatement insert =
            connection.prepareStatement(
                "insert into consent_ledger (site_id, seq, record_id, record_digest, sealed_at)"
                    + " select ?, ? + n, id, digest, now()"
                    + " from unnest(?::uuid[], ?::text[]) with ordinality as e (id, digest, n)");
        PreparedStatement done =
            connection.prepareStatement(
                "delete from consent_ledger_pending where record_id = any (?)")) {
      for (int from = 0; from < ids.size(); from += 10_000) {
        int to = Math.min(ids.size(), from + 10_000);
        Object[] batch = ids.subList(from, to).toArray();
        insert.setLong(1, site);
        insert.setLong(2, from);
        insert.setArray(3, connection.createArrayOf("uuid", batch));
        insert.setArray(4, connection.createArrayOf("text", digests.subList(from, to).toArray()));
        insert.executeUpdate();
        done.setArray(1, connection.createArrayOf("uuid", batch));
        done.executeUpdate();
      }
    }
  }

  /** A tenant, a site, a published version and {@code records} decisions, as V17 held them. */
  private static long siteWithRecords(Connection connection, String key, int records)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "insert into tenant (slug, name) values ('t-" + key + "', 'Tenant of " + key + "')");
      statement.execute(
          "insert into site (tenant_id, site_key, name, default_language)"
              + " select id, '"
              + key
              + "', 'Site', 'en' from tenant where slug = 't-"
              + key
              + "'");
      long site = count(connection, "select id from site where site_key = '" + key + "'");
      statement.execute(
          "insert into policy_version (site_id, number, consent_revision, content_hash, snapshot,"
              + " published_by) values ("
              + site
              + ", 1, 1, repeat('0', 64), '{}', 'before')");
      statement.execute(
          "insert into consent_record (id, site_id, policy_version_id, visitor_id, action, method,"
              + " choices, language, recorded_at)"
              + " select gen_random_uuid(), s.id, v.id, gen_random_uuid(),"
              + " case when i % 2 = 0 then 'ACCEPT_ALL' else 'REJECT_ALL' end, 'BANNER',"
              + " '{\"necessary\": true}', 'en', now() - (10 - i) * interval '1 minute'"
              + " from site s join policy_version v on v.site_id = s.id,"
              + " generate_series(1, "
              + records
              + ") i where s.id = "
              + site);
      return site;
    }
  }

  /**
   * The previous version's sealing: records in order, each entry linked to the one before by
   * sha256(prev_hash || record_digest), starting from 64 zeros.
   */
  private static void sealTheOldWay(Connection connection, long site, int records)
      throws SQLException {
    List<Object[]> entries = new ArrayList<>();
    try (PreparedStatement pending =
        connection.prepareStatement(
            "select "
                + COLUMNS_BEFORE_REGIONS
                + " from consent_ledger_pending p join consent_record r on r.id = p.record_id"
                + " join policy_version v on v.id = r.policy_version_id"
                + " where p.site_id = ? order by r.recorded_at, r.id limit "
                + records)) {
      pending.setLong(1, site);
      try (ResultSet row = pending.executeQuery()) {
        while (row.next()) {
          entries.add(new Object[] {row.getObject(1, UUID.class), RecordDigest.of(row, 1)});
        }
      }
    }
    String previous = "0".repeat(64);
    long seq = 0;
    for (Object[] entry : entries) {
      String hash = Hashes.link(previous, (String) entry[1]);
      try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into consent_ledger"
                      + " (site_id, seq, record_id, record_digest, prev_hash, hash, sealed_at)"
                      + " values (?, ?, ?, ?, ?, ?, now())");
          PreparedStatement done =
              connection.prepareStatement(
                  "delete from consent_ledger_pending where record_id = ?")) {
        insert.setLong(1, site);
        insert.setLong(2, ++seq);
        insert.setObject(3, entry[0]);
        insert.setString(4, (String) entry[1]);
        insert.setString(5, previous);
        insert.setString(6, hash);
        insert.executeUpdate();
        done.setObject(1, entry[0]);
        done.executeUpdate();
      }
      previous = hash;
    }
  }

  private static List<String> chainHashes(Connection connection, long site) throws SQLException {
    return strings(
        connection,
        "select coalesce(prev_hash, '') || '>' || coalesce(hash, '') from consent_ledger"
            + " where site_id = "
            + site
            + " and hash is not null order by seq");
  }

  private static List<String> digests(String url, long site) throws SQLException {
    try (Connection connection = connect(url)) {
      return strings(
          connection,
          "select record_digest from consent_ledger where site_id = " + site + " order by seq");
    }
  }

  private static List<UUID> recordIds(Connection connection, long site) throws SQLException {
    return strings(
            connection,
            "select record_id from consent_ledger where site_id = " + site + " order by seq")
        .stream()
        .map(UUID::fromString)
        .toList();
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (ResultSet row = connection.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static Flyway flyway(String url, String target) {
    return Flyway.configure()
        .dataSource(url, PostgresResource.server().username(), PostgresResource.server().password())
        .locations("classpath:db/migration")
        .placeholders(PostgresResource.migrationPlaceholders())
        .target(target)
        .load();
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(
        url, PostgresResource.server().username(), PostgresResource.server().password());
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
}
