package io.consentplatform.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

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

  private final Map<Key<K>, AtomicLong> pending = new ConcurrentHashMap<>();

  /** Counts one event of {@code key} today. */
  public void add(K key) {
    pending
        .computeIfAbsent(new Key<>(key, LocalDate.now(ZoneOffset.UTC)), k -> new AtomicLong())
        .incrementAndGet();
  }

  /**
   * Writes what was counted so far with {@code sql}, one batch.
   *
   * @throws SQLException when the write failed; the counts are kept for the next attempt
   */
  public synchronized void flush(DataSource dataSource, String sql, Upsert<K> upsert)
      throws SQLException {
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
