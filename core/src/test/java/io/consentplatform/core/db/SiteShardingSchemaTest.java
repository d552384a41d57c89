package io.consentplatform.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The schema keeps consent data shardable by site (docs/scaling.md): every consent table is keyed
 * by {@code site_id} and no foreign key ties rows of two sites together, so that a distributed
 * PostgreSQL can place each site's rows on one shard. Read from PostgreSQL's catalog after the
 * migrations, never from the code; partitioned tables are checked as their parents, their
 * partitions skipped.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class SiteShardingSchemaTest {

  /** Every table holding consent data: what grows with visitors and would be sharded by site. */
  static final List<String> CONSENT_DATA =
      List.of(
          // Proof of consent, a row per decision: the hot path and most of the bytes.
          "consent_record",
          // The site's transparency log: a leaf per record, the tree's nodes, its signed heads and
          // where retention cut it. A log is built, proved and verified inside one site.
          "consent_ledger",
          "consent_ledger_node",
          "consent_ledger_head",
          "consent_ledger_checkpoint",
          // Records waiting to be sealed, queued by a trigger in the decision's own transaction.
          "consent_ledger_pending",
          // Why a record of the log is gone: a visitor's erasure.
          "consent_erasure",
          // Counters that visitors' requests add to, per site and day.
          "banner_impression",
          "usage_day",
          "refused_origin",
          // How far each webhook endpoint has read each site's log.
          "webhook_cursor");

  /**
   * Tables that name a site but hold its settings or a tenant's work, not consent data: small, and
   * kept with the tenants (reference tables on a distributed engine). A new table with a site_id
   * joins one of the two lists, so that nobody adds consent data unchecked.
   */
  static final List<String> SITE_SETTINGS =
      List.of("category", "cookie", "provider", "policy_version", "scan", "webhook_delivery");

  /** The table every decision writes to: it refers only to its own site's rows. */
  static final String HOT_PATH = "consent_record";

  /**
   * Consent tables with a unique key that leaves out site_id, as they are today. A distributed
   * engine enforces uniqueness inside a shard only (Citus refuses such keys), so these keys widen
   * to include site_id before distribution (docs/scaling.md); no other table may join them.
   */
  static final Set<String> UNIQUE_WITHOUT_SITE_TODAY =
      Set.of("consent_record", "consent_ledger", "consent_ledger_pending", "consent_erasure");

  /**
   * What breaks the rules above in today's schema, each with the migration that would mend it in
   * docs/scaling.md: a known gap may close, no new one may open.
   */
  static final Set<String> KNOWN_GAPS =
      Set.of(
          // Keyed by its record alone (V4); a tenant's export reads it by site with a full scan.
          "consent_erasure: site_id is neither in its primary key nor first in an index");

  @Test
  void shouldKeyEveryConsentTableBySiteWithNoReferenceAcrossSites() throws SQLException {
    try (Connection connection = PostgresResource.superuser()) {
      Catalog catalog = Catalog.read(connection, "public");

      assertEquals(
          List.of(),
          CONSENT_DATA.stream().filter(table -> !catalog.tables().containsKey(table)).toList(),
          "every consent table exists (as a table or a partitioned table's parent)");
      List<String> violations = violations(catalog);
      assertTrue(
          KNOWN_GAPS.containsAll(violations),
          "breaks sharding by site: " + violations + ", known: " + KNOWN_GAPS);
    }
  }

  @Test
  void shouldKnowWhatEveryTableThatNamesASiteHolds() throws SQLException {
    try (Connection connection = PostgresResource.superuser()) {
      Catalog catalog = Catalog.read(connection, "public");

      List<String> unclassified =
          catalog.tables().entrySet().stream()
              .filter(table -> table.getValue().columns().contains("site_id"))
              .map(Map.Entry::getKey)
              .filter(table -> !CONSENT_DATA.contains(table) && !SITE_SETTINGS.contains(table))
              .toList();
      assertEquals(List.of(), unclassified, "add each to CONSENT_DATA or SITE_SETTINGS");
    }
  }

  @Test
  void shouldAddNoUniqueKeyThatLeavesOutTheSite() throws SQLException {
    try (Connection connection = PostgresResource.superuser()) {
      Set<String> leaveOutTheSite = uniqueWithoutSite(Catalog.read(connection, "public"));

      assertTrue(
          UNIQUE_WITHOUT_SITE_TODAY.containsAll(leaveOutTheSite),
          "unique keys without site_id: "
              + leaveOutTheSite
              + ", known: "
              + UNIQUE_WITHOUT_SITE_TODAY);
    }
  }

  /** The oracle for the rules themselves: a layout that breaks each, written out by hand. */
  @Test
  void shouldCatchEveryBrokenRuleInALayoutMadeToBreakThem() throws SQLException {
    try (Connection connection = PostgresResource.superuser();
        Statement sql = connection.createStatement()) {
      sql.execute("drop schema if exists shard_check_broken cascade");
      sql.execute("create schema shard_check_broken");
      try {
        sql.execute("create table shard_check_broken.tenant (id bigint primary key)");
        sql.execute(
            "create table shard_check_broken.site (id bigint primary key,"
                + " tenant_id bigint references shard_check_broken.tenant)");
        // Keyed by its record alone: a shard could not find a site's erasures.
        sql.execute(
            "create table shard_check_broken.consent_erasure (record_id uuid primary key,"
                + " site_id bigint not null references shard_check_broken.site (id))");
        // An entry that names its record's erasure by record id: a reference across sites.
        sql.execute(
            "create table shard_check_broken.consent_ledger (site_id bigint not null,"
                + " seq bigint not null, record_id uuid references"
                + " shard_check_broken.consent_erasure (record_id), primary key (site_id, seq))");
        // The hot path, partitioned by month, refers to a tenant: the partition is not reported,
        // its parent is.
        sql.execute(
            "create table shard_check_broken.consent_record (id uuid not null,"
                + " site_id bigint not null references shard_check_broken.site (id),"
                + " tenant_id bigint references shard_check_broken.tenant (id),"
                + " recorded_at timestamptz not null, primary key (site_id, id, recorded_at))"
                + " partition by range (recorded_at)");
        sql.execute(
            "create table shard_check_broken.consent_record_2026_12 partition of"
                + " shard_check_broken.consent_record"
                + " for values from ('2026-12-01') to ('2027-01-01')");
        // A second site on a counter's row: it would tie two sites' rows together.
        sql.execute(
            "create table shard_check_broken.usage_day (site_id bigint not null references"
                + " shard_check_broken.site (id), day date not null, copied_from bigint"
                + " references shard_check_broken.site (id), primary key (site_id, day))");

        Catalog catalog = Catalog.read(connection, "shard_check_broken");

        assertEquals(
            List.of(
                "consent_erasure: site_id is neither in its primary key nor first in an index",
                "consent_ledger (record_id) -> consent_erasure (record_id): refers to another"
                    + " site-keyed table other than by site_id first, so across sites",
                "consent_record (tenant_id) -> tenant (id): the hot path refers to a tenant-level"
                    + " table",
                "usage_day (copied_from) -> site (id): refers to a site other than its own"),
            violations(catalog));
        assertEquals(Set.of("consent_erasure"), uniqueWithoutSite(catalog));
        assertTrue(
            !catalog.tables().containsKey("consent_record_2026_12"),
            "partitions are checked through their parent");
      } finally {
        sql.execute("drop schema shard_check_broken cascade");
      }
    }
  }

  /** The monthly partitioned layout (V24) passes when it keeps the keys: parents are checked. */
  @Test
  void shouldAcceptPartitionedTablesKeyedBySite() throws SQLException {
    try (Connection connection = PostgresResource.superuser();
        Statement sql = connection.createStatement()) {
      sql.execute("drop schema if exists shard_check_partitioned cascade");
      sql.execute("create schema shard_check_partitioned");
      try {
        sql.execute("create table shard_check_partitioned.site (id bigint primary key)");
        sql.execute(
            "create table shard_check_partitioned.policy_version (id bigint not null,"
                + " site_id bigint not null references shard_check_partitioned.site (id),"
                + " primary key (site_id, id))");
        sql.execute(
            "create table shard_check_partitioned.consent_record (id uuid not null,"
                + " site_id bigint not null, policy_version_id bigint not null,"
                + " recorded_at timestamptz not null, primary key (site_id, id, recorded_at),"
                + " foreign key (site_id, policy_version_id) references"
                + " shard_check_partitioned.policy_version (site_id, id))"
                + " partition by range (recorded_at)");
        sql.execute(
            "create table shard_check_partitioned.consent_ledger (site_id bigint not null"
                + " references shard_check_partitioned.site (id), seq bigint not null,"
                + " record_id uuid not null, sealed_at timestamptz not null,"
                + " primary key (site_id, seq, sealed_at)) partition by range (sealed_at)");
        for (String month : List.of("2026_11", "2026_12")) {
          String from = month.replace('_', '-') + "-01";
          String to = month.equals("2026_11") ? "2026-12-01" : "2027-01-01";
          for (String table : List.of("consent_record", "consent_ledger")) {
            sql.execute(
                "create table shard_check_partitioned."
                    + table
                    + "_"
                    + month
                    + " partition of shard_check_partitioned."
                    + table
                    + " for values from ('"
                    + from
                    + "') to ('"
                    + to
                    + "')");
          }
        }

        Catalog catalog = Catalog.read(connection, "shard_check_partitioned");

        assertEquals(List.of(), violations(catalog));
        assertEquals(Set.of(), uniqueWithoutSite(catalog));
        assertEquals(
            Set.of("site", "policy_version", "consent_record", "consent_ledger"),
            catalog.tables().keySet());
      } finally {
        sql.execute("drop schema shard_check_partitioned cascade");
      }
    }
  }

  /** What breaks sharding by site among the consent tables of {@code catalog}, one line each. */
  private static List<String> violations(Catalog catalog) {
    List<String> violations = new ArrayList<>();
    for (String table : CONSENT_DATA) {
      Table found = catalog.tables().get(table);
      if (found != null && !found.siteKeyed()) {
        violations.add(table + ": site_id is neither in its primary key nor first in an index");
      }
    }
    for (ForeignKey key : catalog.foreignKeys()) {
      if (!CONSENT_DATA.contains(key.from())) {
        continue;
      }
      boolean bySite = key.columns().get(0).equals("site_id");
      Table target = catalog.tables().get(key.to());
      if (target != null && target.columns().contains("site_id")) {
        if (!bySite || !key.referenced().get(0).equals("site_id")) {
          violations.add(
              key
                  + ": refers to another site-keyed table other than by site_id first, so across"
                  + " sites");
        }
      } else if (key.to().equals("site")) {
        if (!key.columns().equals(List.of("site_id"))) {
          violations.add(key + ": refers to a site other than its own");
        }
      } else if (key.from().equals(HOT_PATH)) {
        violations.add(key + ": the hot path refers to a tenant-level table");
      }
      // Other consent tables may refer to a tenant's settings (a webhook endpoint): those become
      // reference tables, present on every shard.
    }
    return violations;
  }

  /** Consent tables of {@code catalog} with a unique key that leaves out site_id. */
  private static Set<String> uniqueWithoutSite(Catalog catalog) {
    Set<String> tables = new TreeSet<>();
    for (String table : CONSENT_DATA) {
      Table found = catalog.tables().get(table);
      if (found != null && found.uniqueWithoutSite()) {
        tables.add(table);
      }
    }
    return tables;
  }

  /** A table or a partitioned table's parent, as far as these rules need it. */
  record Table(List<String> columns, boolean siteKeyed, boolean uniqueWithoutSite) {}

  /** A foreign key declared on a table (not a copy PostgreSQL keeps on each partition). */
  record ForeignKey(String from, List<String> columns, String to, List<String> referenced) {
    @Override
    public String toString() {
      return from
          + " ("
          + String.join(", ", columns)
          + ") -> "
          + to
          + " ("
          + String.join(", ", referenced)
          + ")";
    }
  }

  /** The tables and foreign keys of one schema, read from pg_catalog. */
  record Catalog(Map<String, Table> tables, List<ForeignKey> foreignKeys) {

    // Ordinary and partitioned tables; partitions (children in pg_inherits) are their parent's.
    private static final String TABLES =
        "select c.oid, c.relname,"
            + " array(select a.attname::text from pg_attribute a where a.attrelid = c.oid"
            + "   and a.attnum > 0 and not a.attisdropped order by a.attnum),"
            // keyed by site: site_id in the primary key, or the first column of a whole index;
            // a partitioned table may have its keys on each partition instead (PostgreSQL wants
            // the partition key in a parent's unique keys), as Citus shards each partition
            + " ("
            + keyedBySite("c.oid")
            + "   or (c.relkind = 'p' and exists (select from pg_inherits h where h.inhparent = c.oid)"
            + "     and not exists (select from pg_inherits h where h.inhparent = c.oid"
            + "       and not "
            + keyedBySite("h.inhrelid")
            + "))),"
            + " exists (select from pg_index i where i.indrelid = c.oid and i.indisunique"
            + "   and not exists (select from pg_attribute a where a.attrelid = c.oid"
            + "     and a.attname = 'site_id' and a.attnum = any (i.indkey::int2[])))"
            + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = ? and c.relkind in ('r', 'p')"
            + " and not exists (select from pg_inherits h where h.inhrelid = c.oid)"
            + " order by c.relname";

    // Declared foreign keys only: those PostgreSQL copies to partitions have a parent constraint.
    private static final String FOREIGN_KEYS =
        "select src.relname, dst.relname,"
            + " array(select a.attname::text from unnest(k.conkey) with ordinality u(num, pos)"
            + "   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num"
            + "   order by u.pos),"
            + " array(select a.attname::text from unnest(k.confkey) with ordinality u(num, pos)"
            + "   join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.num"
            + "   order by u.pos)"
            + " from pg_constraint k join pg_class src on src.oid = k.conrelid"
            + " join pg_class dst on dst.oid = k.confrelid"
            + " join pg_namespace n on n.oid = src.relnamespace"
            + " where k.contype = 'f' and k.conparentid = 0 and n.nspname = ?"
            + " and not exists (select from pg_inherits h where h.inhrelid = src.oid)"
            + " order by src.relname, k.conname";

    /**
     * SQL: whether the relation {@code oid} has site_id in its primary key or first in an index.
     */
    private static String keyedBySite(String oid) {
      return "exists (select from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
          + " and a.attname = 'site_id' where i.indrelid = "
          + oid
          + " and i.indpred is null and (i.indkey[0] = a.attnum"
          + " or (i.indisprimary and a.attnum = any (i.indkey::int2[]))))";
    }

    static Catalog read(Connection connection, String schema) throws SQLException {
      Map<String, Table> tables = new LinkedHashMap<>();
      try (PreparedStatement query = connection.prepareStatement(TABLES)) {
        query.setString(1, schema);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            tables.put(
                rows.getString(2),
                new Table(strings(rows.getArray(3)), rows.getBoolean(4), rows.getBoolean(5)));
          }
        }
      }
      List<ForeignKey> keys = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(FOREIGN_KEYS)) {
        query.setString(1, schema);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            keys.add(
                new ForeignKey(
                    rows.getString(1),
                    strings(rows.getArray(3)),
                    rows.getString(2),
                    strings(rows.getArray(4))));
          }
        }
      }
      return new Catalog(tables, keys);
    }

    private static List<String> strings(Array array) throws SQLException {
      return Arrays.asList((String[]) array.getArray());
    }
  }
}
