package io.consentplatform.core.consent;

import io.consentplatform.core.Timers;
import io.consentplatform.core.db.DailyCounts;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

  private static final String UPSERT =
      "insert into banner_impression (site_id, day, shown)"
          + " select id, ?, ? from site where site_key = ?"
          + " on conflict (site_id, day) do update set shown = banner_impression.shown + excluded.shown";

  private final DataSource dataSource;
  private final DailyCounts<String> pending = new DailyCounts<>();
  private ScheduledExecutorService flusher;

  public Impressions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void shown(String siteKey) {
    pending.add(siteKey);
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
  public void flush() {
    try {
      pending.flush(
          dataSource,
          UPSERT,
          (upsert, siteKey, day, shown) -> {
            upsert.setObject(1, day);
            upsert.setLong(2, shown);
            upsert.setString(3, siteKey);
          });
    } catch (SQLException | RuntimeException e) {
      LOG.warnf(
          "Could not store banner impressions, kept for the next attempt: %s", e.getMessage());
    }
  }
}
