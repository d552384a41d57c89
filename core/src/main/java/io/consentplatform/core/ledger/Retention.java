package io.consentplatform.core.ledger;

import io.consentplatform.core.Timers;
import io.consentplatform.core.ledger.MerkleTree.Node;
import io.consentplatform.core.ledger.MerkleTree.Range;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The only way proof of consent leaves the database besides a visitor's erasure: once a record is
 * older than its tenant's retention period, it goes with the oldest part of its site's tree, and a
 * checkpoint keeps the removed prefix's right edge (its frontier) and a signed head of it, where
 * proofs and verification of the rest start. An archived site records nothing new, so its proof
 * goes the same way until none is left.
 *
 * <p>Records and their entries are partitioned by month (migration V24): once every site has its
 * checkpoint, a month whose records are all past their tenants' periods and whose entries all lie
 * behind their sites' checkpoints is dropped whole, and only what is left behind a checkpoint in
 * younger months (short periods' records) is deleted row by row.
 */
@ApplicationScoped
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class);

  /** What retention removed from a site: its oldest entries, up to a new checkpoint. */
  public record Removal(long siteId, long removed, long checkpointSeq) {}

  private final DataSource dataSource;
  private final LedgerSealer sealer;
  private ScheduledExecutorService timer;

  public Retention(DataSource dataSource, LedgerSealer sealer) {
    this.dataSource = dataSource;
    this.sealer = sealer;
  }

  void onStart(@Observes StartupEvent start) {
    timer = Timers.daemon("consent-retention");
    timer.scheduleWithFixedDelay(this::applyQuietly, 10, 6 * 60, TimeUnit.MINUTES);
  }

  void onStop(@Observes ShutdownEvent stop) {
    timer.shutdownNow();
  }

  private void applyQuietly() {
    try {
      List<Removal> removals = apply(Instant.now());
      removals.forEach(
          r ->
              LOG.infof(
                  "Retention removed %d expired records of site %d", r.removed(), r.siteId()));
    } catch (RuntimeException e) {
      LOG.warnf("Retention did not run, it will at its next turn: %s", e.getMessage());
    }
  }

  /** Removes, for every site, the expired start of its chain as of {@code now}. */
  public List<Removal> apply(Instant now) {
    return apply(sites(null), now);
  }

  /** The same for one site only, leaving every other site's chain alone. */
  public List<Removal> applyTo(long siteId, Instant now) {
    return apply(sites(siteId), now);
  }

  private List<Removal> apply(List<long[]> sites, Instant now) {
    List<Removal> removals = new ArrayList<>();
    for (long[] site : sites) {
      Removal removal = checkpoint(site[0], now.minus(site[1], ChronoUnit.DAYS));
      if (removal.removed() > 0) {
        removals.add(removal);
      }
    }
    // Whole months first, while their rows are still there to be dropped rather than deleted.
    dropExpiredMonths();
    for (long[] site : sites) {
      removeBehindCheckpoint(site[0]);
      if (site[2] == 1) {
        forgetArchived(site[0]);
      }
    }
    return removals;
  }

  /** Drops the months whose every record and entry retention may remove; their names. */
  public List<String> dropExpiredMonths() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection connection = dataSource.getConnection();
                  PreparedStatement drop =
                      connection.prepareStatement("select consent_drop_expired_partitions()");
                  ResultSet rows = drop.executeQuery()) {
                List<String> dropped = new ArrayList<>();
                while (rows.next()) {
                  dropped.add(rows.getString(1));
                  LOG.infof("Retention dropped the expired month %s", rows.getString(1));
                }
                return dropped;
              } catch (SQLException e) {
                throw new IllegalStateException("Dropping expired months failed", e);
              }
            });
  }

  /**
   * What is left of an archived site once retention took its last record: its banner statistics go
   * too. The site itself stays, archived, with its declarations and published versions: those are
   * the tenant's, not visitors' data, published versions are immutable, and a deleted site's key
   * could be taken by another tenant, whose banner would then run on every page still embedding the
   * old snippet.
   */
  private void forgetArchived(long siteId) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection connection = dataSource.getConnection();
                  PreparedStatement delete =
                      connection.prepareStatement(
                          "delete from banner_impression where site_id = ? and not exists"
                              + " (select from consent_record where site_id = ?) and not exists"
                              + " (select from consent_ledger_pending where site_id = ?)")) {
                for (int i = 1; i <= 3; i++) {
                  delete.setLong(i, siteId);
                }
                delete.executeUpdate();
              } catch (SQLException e) {
                throw new IllegalStateException(
                    "Retention of archived site " + siteId + " failed", e);
              }
            });
  }

  /** Each site's id, retention days and whether it is archived; {@code only} one site, or all. */
  private List<long[]> sites(Long only) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select s.id, t.consent_retention_days, s.archived_at is not null from site s"
                    + " join tenant t on t.id = s.tenant_id"
                    + (only == null ? "" : " where s.id = ?"))) {
      if (only != null) {
        query.setLong(1, only);
      }
      return read(query);
    } catch (SQLException e) {
      throw new IllegalStateException("Listing sites for retention failed", e);
    }
  }

  private static List<long[]> read(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      List<long[]> sites = new ArrayList<>();
      while (rows.next()) {
        sites.add(new long[] {rows.getLong(1), rows.getLong(2), rows.getBoolean(3) ? 1 : 0});
      }
      return sites;
    }
  }

  /**
   * One site, in transactions of its own: a checkpoint, then what is left of the records and
   * entries up to it once whole months went.
   */
  public Removal expire(long siteId, Instant cutoff) {
    Removal removal = checkpoint(siteId, cutoff);
    removeBehindCheckpoint(siteId);
    return removal;
  }

  private Removal checkpoint(long siteId, Instant cutoff) {
    return QuarkusTransaction.requiringNew().call(() -> checkpointInTransaction(siteId, cutoff));
  }

  private Removal checkpointInTransaction(long siteId, Instant cutoff) {
    try (Connection connection = dataSource.getConnection()) {
      sealer.sealEverything(connection, siteId);
      long last = lastExpired(connection, siteId, cutoff);
      long start = TreeStore.checkpoint(connection, siteId).size();
      if (last <= start) {
        return new Removal(siteId, 0, start);
      }
      // The removed prefix's right edge: what proofs of the remaining leaves still need from it.
      List<Node> edge = MerkleTree.perfectSubtrees(new Range(0, last));
      Map<Node, byte[]> hashes = TreeStore.hashes(connection, siteId, edge);
      List<byte[]> frontier = edge.stream().map(hashes::get).toList();
      byte[] root = MerkleTree.hashOf(frontier);
      try (PreparedStatement checkpoint =
          connection.prepareStatement(
              "insert into consent_ledger_checkpoint"
                  + " (site_id, seq, removed, created_at, frontier, root_hash)"
                  + " values (?, ?, ?, ?, ?, ?)")) {
        checkpoint.setLong(1, siteId);
        checkpoint.setLong(2, last);
        checkpoint.setLong(3, last - start);
        checkpoint.setTimestamp(4, Timestamp.from(Instant.now()));
        checkpoint.setArray(
            5,
            connection.createArrayOf(
                "text", frontier.stream().map(HexFormat.of()::formatHex).toArray()));
        checkpoint.setString(6, HexFormat.of().formatHex(root));
        checkpoint.executeUpdate();
      }
      // A signed checkpoint: the head of the removed prefix, from which the rest is proven.
      sealer.signHead(connection, siteId, last, root);
      return new Removal(siteId, last - start, last);
    } catch (SQLException e) {
      throw new IllegalStateException("Retention of site " + siteId + " failed", e);
    }
  }

  /**
   * Deletes the site's records, entries and tree nodes that its latest checkpoint stands for and
   * that no dropped month took with it; nothing when there are none (a crash between checkpoint and
   * deletion is made good at the next turn).
   */
  private void removeBehindCheckpoint(long siteId) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection connection = dataSource.getConnection();
                  PreparedStatement left =
                      connection.prepareStatement(
                          "select c.seq from consent_ledger_checkpoint c where c.site_id = ?"
                              + " and (exists (select from consent_ledger l where l.site_id = ?"
                              + " and l.seq <= c.seq) or exists (select from consent_ledger_node n"
                              // levels go in one deletion: the lowest tells, by an index range
                              + " where n.site_id = ? and n.level = 1 and n.idx < c.seq / 2))"
                              + " order by c.seq desc limit 1")) {
                for (int i = 1; i <= 3; i++) {
                  left.setLong(i, siteId);
                }
                try (ResultSet row = left.executeQuery()) {
                  if (!row.next()) {
                    return;
                  }
                  // The application's role may not delete proof: a function owned by the schema's
                  // owner makes exactly retention's deletions (migration V19), each bounded by the
                  // site and the checkpoint, once the checkpoint is there and the records are
                  // expired.
                  try (PreparedStatement expire =
                      connection.prepareStatement("select consent_expire(?, ?)")) {
                    expire.setLong(1, siteId);
                    expire.setLong(2, row.getLong(1));
                    expire.execute();
                  }
                }
              } catch (SQLException e) {
                throw new IllegalStateException("Retention of site " + siteId + " failed", e);
              }
            });
  }

  /**
   * The last entry of the chain's expired start: just before the first entry whose record is still
   * within the period (an erased record's entry expires with its neighbours).
   */
  private static long lastExpired(Connection connection, long siteId, Instant cutoff)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select coalesce((select min(l.seq) - 1 from consent_ledger l join consent_record r"
                + " on r.id = l.record_id where l.site_id = ? and r.recorded_at >= ?),"
                + " (select max(seq) from consent_ledger where site_id = ?), 0)")) {
      query.setLong(1, siteId);
      query.setTimestamp(2, Timestamp.from(cutoff));
      query.setLong(3, siteId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
