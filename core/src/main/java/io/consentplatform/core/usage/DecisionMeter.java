package io.consentplatform.core.usage;

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
 * Meters committed decisions per site and day in memory and adds them to {@code usage_day} every
 * few seconds, as banner impressions are: one write per site and interval instead of one per
 * decision. A crash loses at most one interval of metering (the decisions themselves are in the
 * consent log); a failed write keeps the counts for the next interval.
 */
@ApplicationScoped
public class DecisionMeter {

  private static final Logger LOG = Logger.getLogger(DecisionMeter.class);
  private static final long FLUSH_SECONDS = 5;

  private record Key(long siteId, LocalDate day) {}

  private final DataSource dataSource;
  private final Map<Key, AtomicLong> pending = new ConcurrentHashMap<>();
  private ScheduledExecutorService flusher;

  public DecisionMeter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Counts a decision of the site, once it is committed. */
  public void recorded(long siteId) {
    pending
        .computeIfAbsent(new Key(siteId, LocalDate.now(ZoneOffset.UTC)), k -> new AtomicLong())
        .incrementAndGet();
  }

  void onStart(@Observes StartupEvent start) {
    flusher = Timers.daemon("usage-flusher");
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  void onStop(@Observes ShutdownEvent stop) {
    flusher.shutdownNow();
    flush();
  }

  /** Writes what was counted so far. */
  public synchronized void flush() {
    // Taken atomically: a decision counted meanwhile waits for the next flush, and a failed
    // write puts the taken counts back.
    Map<Key, Long> taken = new HashMap<>();
    pending.forEach(
        (key, count) -> {
          long decisions = count.getAndSet(0);
          if (decisions > 0) {
            taken.put(key, decisions);
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
                "insert into usage_day (site_id, day, decisions) select id, ?, ? from site where id = ?"
                    + " on conflict (site_id, day) do update"
                    + " set decisions = usage_day.decisions + excluded.decisions")) {
      for (Map.Entry<Key, Long> count : taken.entrySet()) {
        upsert.setObject(1, count.getKey().day());
        upsert.setLong(2, count.getValue());
        upsert.setLong(3, count.getKey().siteId());
        upsert.addBatch();
      }
      upsert.executeBatch();
    } catch (SQLException e) {
      taken.forEach(
          (key, decisions) ->
              pending.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(decisions));
      LOG.warnf("Could not store decision usage, kept for the next attempt: %s", e.getMessage());
    }
  }
}
