package io.consentplatform.core.ledger;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.Timers;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Seals recorded decisions into their site's hash chain, shortly after they are committed.
 * Recording a decision only inserts (the database queues the record for sealing in the same
 * transaction), so visitors never wait for the chain; each site's chain is extended by one instance
 * at a time (an advisory lock), in batches.
 */
@ApplicationScoped
public class LedgerSealer {

  private static final Logger LOG = Logger.getLogger(LedgerSealer.class);

  /** First key of the advisory locks that serialise sealing per site (the second is the site). */
  private static final int LOCK_CLASS = 7321;

  private static final int BATCH = 2000;

  private final DataSource dataSource;
  private final long intervalMillis;
  private ScheduledExecutorService timer;
  private boolean failing;

  public LedgerSealer(DataSource dataSource, CoreConfig config) {
    this.dataSource = dataSource;
    this.intervalMillis = config.ledger().sealInterval().toMillis();
  }

  void onStart(@Observes StartupEvent start) {
    timer = Timers.daemon("ledger-sealer");
    timer.scheduleWithFixedDelay(
        this::sealQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent stop) {
    timer.shutdownNow();
  }

  private void sealQuietly() {
    try {
      sealAll();
      if (failing) {
        LOG.info("Sealing consent records again");
        failing = false;
      }
    } catch (SQLException | RuntimeException e) {
      // The records stay queued: the next round seals them. Said once, not every second.
      if (!failing) {
        LOG.warnf("Sealing consent records failed, retrying until it works: %s", e.getMessage());
        failing = true;
      }
    }
  }

  /** Seals every queued record of every site; returns how many. */
  public int sealAll() throws SQLException {
    List<Long> sites = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("select distinct site_id from consent_ledger_pending");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        sites.add(rows.getLong(1));
      }
    }
    int sealed = 0;
    for (long site : sites) {
      int batch;
      do {
        batch = seal(site);
        sealed += batch;
      } while (batch == BATCH);
    }
    return sealed;
  }

  /** Seals one batch of one site's queued records; 0 when another instance is sealing it. */
  public int seal(long siteId) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int sealed = sealBatch(connection, siteId);
        connection.commit();
        return sealed;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static int sealBatch(Connection connection, long siteId) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, LOCK_CLASS);
      lock.setInt(2, (int) siteId);
      try (ResultSet locked = lock.executeQuery()) {
        locked.next();
        if (!locked.getBoolean(1)) {
          return 0;
        }
      }
    }
    return sealLocked(connection, siteId);
  }

  /**
   * Takes the site's chain for the rest of the transaction (waiting for a sealer that holds it) and
   * seals everything queued: erasure and retention start from a fully sealed chain.
   */
  static void sealEverything(Connection connection, long siteId) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, LOCK_CLASS);
      lock.setInt(2, (int) siteId);
      lock.execute();
    }
    while (sealLocked(connection, siteId) == BATCH) {
      // a backlog larger than one batch: keep going
    }
  }

  private static int sealLocked(Connection connection, long siteId) throws SQLException {
    ChainHead head = ChainHead.of(connection, siteId);
    List<UUID> ids = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement pending =
            connection.prepareStatement(
                "select "
                    + RecordDigest.COLUMNS
                    + " from consent_ledger_pending p"
                    + " join consent_record r on r.id = p.record_id"
                    + " join policy_version v on v.id = r.policy_version_id"
                    + " where p.site_id = ? order by r.recorded_at, r.id limit "
                    + BATCH);
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into consent_ledger"
                    + " (site_id, seq, record_id, record_digest, prev_hash, hash, sealed_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)")) {
      pending.setLong(1, siteId);
      long seq = head.seq();
      String previous = head.hash();
      try (ResultSet rows = pending.executeQuery()) {
        while (rows.next()) {
          UUID id = rows.getObject(1, UUID.class);
          String digest = RecordDigest.of(rows, 1);
          String hash = Hashes.link(previous, digest);
          seq++;
          insert.setLong(1, siteId);
          insert.setLong(2, seq);
          insert.setObject(3, id);
          insert.setString(4, digest);
          insert.setString(5, previous);
          insert.setString(6, hash);
          insert.setTimestamp(7, now);
          insert.addBatch();
          ids.add(id);
          previous = hash;
        }
      }
      if (ids.isEmpty()) {
        return 0;
      }
      insert.executeBatch();
    }
    try (PreparedStatement done =
        connection.prepareStatement(
            "delete from consent_ledger_pending where record_id = any (?)")) {
      done.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
      done.executeUpdate();
    }
    return ids.size();
  }
}
