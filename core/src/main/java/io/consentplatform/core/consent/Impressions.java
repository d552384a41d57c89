package io.consentplatform.core.consent;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Counts banner showings in memory and adds them to the database every few seconds: one write per
 * site and interval instead of one per page view. A crash loses at most one interval of counts,
 * which only statistics use.
 */
@ApplicationScoped
public class Impressions {

  private static final Logger LOG = Logger.getLogger(Impressions.class);
  private static final long FLUSH_SECONDS = 5;

  private record Key(String siteKey, LocalDate day) {}

  private final DataSource dataSource;
  private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
  private ScheduledExecutorService flusher;

  public Impressions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void shown(String siteKey) {
    pending
        .computeIfAbsent(new Key(siteKey, LocalDate.now(ZoneOffset.UTC)), k -> new LongAdder())
        .increment();
  }

  void onStart(@Observes StartupEvent start) {
    flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "impression-flusher");
              thread.setDaemon(true);
              return thread;
            });
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  void onStop(@Observes ShutdownEvent stop) {
    flusher.shutdownNow();
    flush();
  }

  /** Writes what was counted so far. */
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert =
            connection.prepareStatement(
                "insert into banner_impression (site_id, day, shown)"
                    + " select id, ?, ? from site where site_key = ?"
                    + " on conflict (site_id, day) do update set shown = banner_impression.shown + excluded.shown")) {
      for (Key key : pending.keySet()) {
        long shown = pending.remove(key).sum();
        upsert.setObject(1, key.day());
        upsert.setLong(2, shown);
        upsert.setString(3, key.siteKey());
        upsert.addBatch();
      }
      upsert.executeBatch();
    } catch (SQLException e) {
      LOG.warnf("Could not store banner impressions: %s", e.getMessage());
    }
  }
}
