package io.consentplatform.core.ledger;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.Timers;
import io.consentplatform.core.db.DatabaseReady;
import io.consentplatform.core.ledger.MerkleTree.Frontier;
import io.consentplatform.core.ledger.MerkleTree.HashedNode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Seals recorded decisions into their site's Merkle tree log, shortly after they are committed, and
 * signs a tree head after each batch. Recording a decision only inserts (the database queues the
 * record for sealing in the same transaction), so visitors never wait for the tree; each site's
 * tree is extended by one instance at a time (an advisory lock), in batches.
 */
@ApplicationScoped
public class LedgerSealer {

  private static final Logger LOG = Logger.getLogger(LedgerSealer.class);

  /** First key of the advisory locks that serialise sealing per site (the second is the site). */
  private static final int LOCK_CLASS = 7321;

  private static final int BATCH = 2000;

  /**
   * Sites whose ledger holds entries the tree does not cover yet: after an upgrade from the hash
   * chain, the first round builds their trees.
   */
  private static final String BEHIND =
      "select s.id from site s where coalesce((select max(seq) from consent_ledger"
          + " where site_id = s.id), 0) > greatest((select max(tree_size) from consent_ledger_head"
          + " where site_id = s.id), (select max(seq) from consent_ledger_checkpoint"
          + " where site_id = s.id), 0)"
          + " union select site_id from consent_ledger_pending";

  private final DataSource dataSource;
  private final ReceiptSigner signer;
  private final long intervalMillis;
  private volatile boolean caughtUp;
  private volatile ScheduledExecutorService timer;
  private boolean failing;

  public LedgerSealer(DataSource dataSource, CoreConfig config, ReceiptSigner signer) {
    this.dataSource = dataSource;
    this.signer = signer;
    this.intervalMillis = config.ledger().sealInterval().toMillis();
  }

  // Once the schema is there: started with the application, the first round on a new database ran
  // before the migration and logged a failure.
  void onDatabaseReady(@Observes DatabaseReady ready) {
    timer = Timers.daemon("ledger-sealer");
    timer.scheduleWithFixedDelay(
        this::sealQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent stop) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void sealQuietly() {
    try {
      sealQueued(false);
      if (failing) {
        LOG.info("Sealing consent records again");
        failing = false;
      }
    } catch (Exception | LinkageError | AssertionError e) {
      // The records stay queued: the next round seals them. Said once, not every second. An error
      // escaping here would end the timer's rounds without a word (ScheduledExecutorService), so
      // a class the runtime cannot load (a native image built without it) is reported too.
      if (!failing) {
        LOG.warnf(e, "Sealing consent records failed, retrying until it works: %s", e);
        failing = true;
      }
    }
  }

  /**
   * Seals every queued record of every site, waiting for a site whose tree another sealer (this
   * instance's own timer, or another instance) is extending; returns how many it sealed itself.
   */
  public int sealAll() throws SQLException {
    return sealQueued(true);
  }

  /**
   * One round over the sites with queued records. The timer's rounds skip a site another sealer
   * holds (that sealer takes its queue); a caller who needs everything sealed waits for it instead.
   */
  private int sealQueued(boolean wait) throws SQLException {
    List<Long> sites = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                caughtUp ? "select distinct site_id from consent_ledger_pending" : BEHIND);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        sites.add(rows.getLong(1));
      }
    }
    int sealed = 0;
    for (long site : sites) {
      int batch;
      do {
        batch = seal(site, wait);
        sealed += batch;
      } while (batch >= BATCH);
    }
    caughtUp = true;
    return sealed;
  }

  /**
   * Seals one batch of one site's queued records (after the leaves of entries sealed before the
   * tree, on an upgraded installation); without waiting, 0 when another sealer holds the site.
   */
  private int seal(long siteId, boolean wait) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int sealed = sealBatch(connection, siteId, wait);
        connection.commit();
        return sealed;
      } catch (SQLException | RuntimeException | LinkageError | AssertionError e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private int sealBatch(Connection connection, long siteId, boolean wait) throws SQLException {
    if (wait) {
      lockTree(connection, siteId);
    } else if (!tryLockTree(connection, siteId)) {
      return 0;
    }
    return sealLocked(connection, siteId);
  }

  /** Takes the site's tree for the rest of the transaction, waiting for a sealer that holds it. */
  private static void lockTree(Connection connection, long siteId) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, LOCK_CLASS);
      lock.setInt(2, (int) siteId);
      lock.execute();
    }
  }

  private static boolean tryLockTree(Connection connection, long siteId) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, LOCK_CLASS);
      lock.setInt(2, (int) siteId);
      try (ResultSet locked = lock.executeQuery()) {
        locked.next();
        return locked.getBoolean(1);
      }
    }
  }

  /**
   * Takes the site's tree for the rest of the transaction (waiting for a sealer that holds it) and
   * seals everything queued: erasure and retention start from a fully sealed tree.
   */
  void sealEverything(Connection connection, long siteId) throws SQLException {
    lockTree(connection, siteId);
    while (sealLocked(connection, siteId) >= BATCH) {
      // a backlog larger than one batch: keep going
    }
  }

  /**
   * One batch: the leaves of entries sealed before the tree existed (an upgraded installation)
   * first, else queued records as new entries; then their subtrees and a signed head.
   */
  private int sealLocked(Connection connection, long siteId) throws SQLException {
    long treeSize = TreeStore.treeSize(connection, siteId);
    Frontier frontier = TreeStore.frontier(connection, siteId, treeSize);
    List<HashedNode> completed = new ArrayList<>();
    int batch = 0;
    if (TreeStore.ledgerSize(connection, siteId) > treeSize) {
      batch = catchUp(connection, siteId, frontier, completed);
    }
    if (batch < BATCH) {
      batch += sealQueued(connection, siteId, frontier, completed);
    }
    if (batch > 0) {
      TreeStore.insert(connection, siteId, completed);
      signHead(connection, siteId, frontier.size(), frontier.root());
    }
    return batch;
  }

  /** Grows the tree over entries that are already in the ledger, in their order. */
  private static int catchUp(
      Connection connection, long siteId, Frontier frontier, List<HashedNode> completed)
      throws SQLException {
    int leaves = 0;
    try (PreparedStatement entries =
        connection.prepareStatement(
            "select seq, record_digest from consent_ledger where site_id = ? and seq > ?"
                + " order by seq limit "
                + BATCH)) {
      entries.setLong(1, siteId);
      entries.setLong(2, frontier.size());
      try (ResultSet row = entries.executeQuery()) {
        while (row.next()) {
          if (row.getLong(1) != frontier.size() + 1) {
            throw new IllegalStateException(
                "Entry " + (frontier.size() + 1) + " of site " + siteId + " is missing");
          }
          completed.addAll(frontier.append(TreeStore.leaf(row.getString(2))));
          leaves++;
        }
      }
    }
    return leaves;
  }

  private static int sealQueued(
      Connection connection, long siteId, Frontier frontier, List<HashedNode> completed)
      throws SQLException {
    List<UUID> ids = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    List<String> times = new ArrayList<>();
    try (PreparedStatement pending =
        connection.prepareStatement(
            "select "
                + RecordDigest.COLUMNS
                + " from (select record_id from consent_ledger_pending where site_id = ?"
                + " order by recorded_at, record_id limit "
                + BATCH
                + ") p join consent_record r on r.id = p.record_id"
                + " join policy_version v on v.id = r.policy_version_id"
                + " order by r.recorded_at, r.id")) {
      pending.setLong(1, siteId);
      try (ResultSet rows = pending.executeQuery()) {
        while (rows.next()) {
          String digest = RecordDigest.of(rows, 1);
          ids.add(rows.getObject(1, UUID.class));
          seqs.add(frontier.size() + 1);
          digests.add(digest);
          times.add(rows.getString(11)); // PostgreSQL's own text: the exact instant back
          completed.addAll(frontier.append(TreeStore.leaf(digest)));
        }
      }
    }
    if (ids.isEmpty()) {
      return 0;
    }
    // One statement per batch rather than a row per round trip.
    try (PreparedStatement insert =
        connection.prepareStatement(
            // An entry lies in its record's month (V24): retention drops the two together.
            "insert into consent_ledger"
                + " (site_id, seq, record_id, record_digest, sealed_at, recorded_at)"
                + " select ?, seq, record_id, record_digest, ?, recorded_at from"
                + " unnest(?::bigint[], ?::uuid[], ?::text[], ?::timestamptz[])"
                + " as e (seq, record_id, record_digest, recorded_at)")) {
      insert.setLong(1, siteId);
      insert.setTimestamp(2, Timestamp.from(Instant.now()));
      insert.setArray(3, connection.createArrayOf("bigint", seqs.toArray()));
      insert.setArray(4, connection.createArrayOf("uuid", ids.toArray()));
      insert.setArray(5, connection.createArrayOf("text", digests.toArray()));
      insert.setArray(6, connection.createArrayOf("timestamptz", times.toArray()));
      insert.executeUpdate();
    }
    try (PreparedStatement done =
        connection.prepareStatement(
            "delete from consent_ledger_pending where record_id = any (?)")) {
      done.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
      done.executeUpdate();
    }
    return ids.size();
  }

  /**
   * Signs the site's tree of {@code treeSize} leaves with root {@code root}, in the caller's
   * transaction.
   */
  TreeHead signHead(Connection connection, long siteId, long treeSize, byte[] root)
      throws SQLException {
    String siteKey;
    try (PreparedStatement query =
        connection.prepareStatement("select site_key from site where id = ?")) {
      query.setLong(1, siteId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        siteKey = row.getString(1);
      }
    }
    return TreeHeads.sign(connection, signer, siteId, siteKey, treeSize, root);
  }
}
