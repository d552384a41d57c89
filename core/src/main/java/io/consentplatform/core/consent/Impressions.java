package io.consentplatform.core.consent;

import io.consentplatform.core.db.DailyCounts;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;

/**
 * Counts banner showings in memory and adds them to the database every few seconds: one write per
 * site and interval instead of one per page view. A crash loses at most one interval of counts,
 * which only statistics use; a failed write keeps them for the next interval.
 */
@ApplicationScoped
public class Impressions {

  private static final long FLUSH_SECONDS = 5;

  private static final String UPSERT =
      "insert into banner_impression (site_id, day, shown)"
          + " select id, ?, ? from site where site_key = ?"
          + " on conflict (site_id, day) do update set shown = banner_impression.shown + excluded.shown";

  private final DailyCounts<String> pending;

  public Impressions(DataSource dataSource) {
    this.pending =
        new DailyCounts<>(
            dataSource,
            UPSERT,
            (upsert, siteKey, day, shown) -> {
              upsert.setObject(1, day);
              upsert.setLong(2, shown);
              upsert.setString(3, siteKey);
            },
            "banner impressions");
  }

  public void shown(String siteKey) {
    pending.add(siteKey);
  }

  void onStart(@Observes StartupEvent start) {
    pending.start("impression-flusher", FLUSH_SECONDS);
  }

  void onStop(@Observes ShutdownEvent stop) {
    pending.stop();
  }

  /** Writes what was counted so far. */
  public void flush() {
    pending.flush();
  }
}
