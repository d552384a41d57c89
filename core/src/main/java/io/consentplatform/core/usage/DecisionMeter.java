package io.consentplatform.core.usage;

import io.consentplatform.core.db.DailyCounts;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;

/**
 * Meters committed decisions per site and day in memory and adds them to {@code usage_day} every
 * few seconds, as banner impressions are: one write per site and interval instead of one per
 * decision. A crash loses at most one interval of metering (the decisions themselves are in the
 * consent log); a failed write keeps the counts for the next interval.
 */
@ApplicationScoped
public class DecisionMeter {

  private static final long FLUSH_SECONDS = 5;

  private static final String UPSERT =
      "insert into usage_day (site_id, day, decisions) select id, ?, ? from site where id = ?"
          + " on conflict (site_id, day) do update"
          + " set decisions = usage_day.decisions + excluded.decisions";

  private final DailyCounts<Long> pending;

  public DecisionMeter(DataSource dataSource) {
    this.pending =
        new DailyCounts<>(
            dataSource,
            UPSERT,
            (upsert, siteId, day, decisions) -> {
              upsert.setObject(1, day);
              upsert.setLong(2, decisions);
              upsert.setLong(3, siteId);
            },
            "decision usage");
  }

  /** Counts a decision of the site, once it is committed. */
  public void recorded(long siteId) {
    pending.add(siteId);
  }

  void onStart(@Observes StartupEvent start) {
    pending.start("usage-flusher", FLUSH_SECONDS);
  }

  void onStop(@Observes ShutdownEvent stop) {
    pending.stop();
  }

  /** Writes what was counted so far. */
  public void flush() {
    pending.flush();
  }
}
