package io.consentplatform.core.consent;

import io.consentplatform.core.Timers;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 * Counts banner showings in memory and adds them to the database every few seconds: one write per
 * site and interval instead of one per page view. A crash loses at most one interval of counts,
 * which only statistics use; a failed write keeps them for the next interval.
 */
@ApplicationScoped
public class Impressions {

  private static final Logger LOG = Logger.getLogger(Impressions.class);
  private static final long FLUSH_SECONDS = 5;

  private record Key(String siteKey, LocalDate day) {}

  private final DataSource dataSource;
  private final Map<Key, AtomicLong> pending = new ConcurrentHashMap<>();
  private ScheduledExecutorService flusher;

  public Impressions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void shown(String siteKey) {
    pending
        .computeIfAbsent(new Key(siteKey, LocalDate.now(ZoneOffset.UTC)), k -> new AtomicLong())
        .incrementAndGet();
  }

  void onStart(@Observes StartupEvent start) {
    flusher = Timers.daemon("impression-flusher");
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  void onStop(@Observes ShutdownEvent stop) {
    flusher.shutdownNow();
    flush();
  }

  /** Writes what was counted so far. */
  public synchronized void flush() {
    // Each count is taken atomically (getAndSet): a showing counted meanwhile waits for the
    // next flush instead of being lost, and a failed write puts the taken counts back.
    Map<Key, Long> taken = new HashMap<>();
    pending.forEach(
        (key, count) -> {
          long shown = count.getAndSet(0);
          if (shown > 0) {
            taken.put(key, shown);
          }
        });
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    pending.entrySet().removeIf(e -> e.getKey().day().isBefore(today) && e.getValue().get() == 0);
    if (taken.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert =
            connection.prepareStatement(
                "insert into banner_impression (site_id, day, shown)"
                    + " select id, ?, ? from site where site_key = ?"
                    + " on conflict (site_id, day) do update set shown = banner_impression.shown + excluded.shown")) {
      for (Map.Entry<Key, Long> count : taken.entrySet()) {
        upsert.setObject(1, count.getKey().day());
        upsert.setLong(2, count.getValue());
        upsert.setString(3, count.getKey().siteKey());
        upsert.addBatch();
      }
      upsert.executeBatch();
    } catch (SQLException e) {
      taken.forEach(
          (key, shown) -> pending.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(shown));
      LOG.warnf(
          "Could not store banner impressions, kept for the next attempt: %s", e.getMessage());
    }
  }
}
