package io.consentplatform.core.db;

import io.consentplatform.core.Timers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Counts of events per key and day (UTC), kept in memory and added to a table by an upsert every
 * few seconds: one write per key and interval instead of one per event, for counters that only
 * statistics and metering read (banner impressions, decisions metered for plans). A crash loses at
 * most one interval; a failed write puts its counts back for the next.
 *
 * @param <K> what the counts are kept by (a site's key or id)
 */
public final class DailyCounts<K> {

  /** Binds one count to the upsert, which then adds {@code count} to the row of key and day. */
  @FunctionalInterface
  public interface Upsert<K> {
    void bind(PreparedStatement statement, K key, LocalDate day, long count) throws SQLException;
  }

  private record Key<K>(K key, LocalDate day) {}

  private static final Logger LOG = Logger.getLogger(DailyCounts.class);

  private final Map<Key<K>, AtomicLong> pending = new ConcurrentHashMap<>();
  private final DataSource dataSource;
  private final String sql;
  private final Upsert<K> upsert;
  private final String what;
  private ScheduledExecutorService flusher;

  /**
   * @param sql the upsert that adds a count to the row of a key and day
   * @param what the counts' name in a warning ("banner impressions")
   */
  public DailyCounts(DataSource dataSource, String sql, Upsert<K> upsert, String what) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.upsert = upsert;
    this.what = what;
  }

  /** Writes the counts every {@code seconds} on a daemon thread named {@code thread}. */
  public void start(String thread, long seconds) {
    flusher = Timers.daemon(thread);
    flusher.scheduleWithFixedDelay(this::flush, seconds, seconds, TimeUnit.SECONDS);
  }

  /** Stops the timer and writes what is left. */
  public void stop() {
    flusher.shutdownNow();
    flush();
  }

  /** Writes what was counted so far; a failure is logged and the counts kept for the next write. */
  public void flush() {
    try {
      write();
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("Could not store %s, kept for the next attempt: %s", what, e.getMessage());
    }
  }

  /** Counts one event of {@code key} today. */
  public void add(K key) {
    pending
        .computeIfAbsent(new Key<>(key, LocalDate.now(ZoneOffset.UTC)), k -> new AtomicLong())
        .incrementAndGet();
  }

  /** Writes what was counted so far, one batch; on failure the counts are put back. */
  private synchronized void write() throws SQLException {
    // Each count is taken atomically (getAndSet): an event counted meanwhile waits for the next
    // flush instead of being lost.
    Map<Key<K>, Long> taken = new HashMap<>();
    pending.forEach(
        (key, count) -> {
          long events = count.getAndSet(0);
          if (events > 0) {
            taken.put(key, events);
          }
        });
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    pending.entrySet().removeIf(e -> e.getKey().day().isBefore(today) && e.getValue().get() == 0);
    if (taken.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Map.Entry<Key<K>, Long> count : taken.entrySet()) {
        upsert.bind(statement, count.getKey().key(), count.getKey().day(), count.getValue());
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException | RuntimeException e) {
      taken.forEach(
          (key, events) -> pending.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(events));
      throw e;
    }
  }
}
