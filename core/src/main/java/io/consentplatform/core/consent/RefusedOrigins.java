package io.consentplatform.core.consent;

import io.consentplatform.core.Timers;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Remembers the decisions refused because they came from a page whose origin the site does not
 * declare, so that the back office can tell the tenant which page to declare instead of the banner
 * failing silently. Counted in memory and written every few seconds, one row per site, origin and
 * day: anyone can send any {@code Origin}, so the rows a site gets per day are capped, and rows
 * older than the dashboard's period are removed.
 */
@ApplicationScoped
public class RefusedOrigins {

  private static final Logger LOG = Logger.getLogger(RefusedOrigins.class);
  private static final long FLUSH_SECONDS = 5;

  /** How many origins a site may collect per day; further ones are dropped. */
  static final int MAX_ORIGINS_PER_SITE_AND_DAY = 50;

  /** How long refusals are kept: the dashboard shows the last 30 days. */
  public static final int KEEP_DAYS = 30;

  // Bounds the memory between two writes, whatever is sent meanwhile.
  private static final int MAX_PENDING = 10_000;

  // What browsers send: a scheme, a host and maybe a port, or "null"; nothing else is kept.
  private static final Pattern ORIGIN = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private record Key(String siteKey, LocalDate day, String origin) {}

  private record Tally(long refused, Instant lastSeen) {
    Tally plus(Tally other) {
      return new Tally(
          refused + other.refused, lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen);
    }
  }

  private final DataSource dataSource;
  private final Map<Key, Tally> pending = new ConcurrentHashMap<>();
  private volatile LocalDate purgedOn;
  private ScheduledExecutorService flusher;

  public RefusedOrigins(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A decision for {@code siteKey} was refused because it came from {@code origin}. */
  public void refused(String siteKey, String origin) {
    if (origin == null || !ORIGIN.matcher(origin).matches()) {
      return;
    }
    Instant now = Instant.now();
    Key key = new Key(siteKey, LocalDate.ofInstant(now, ZoneOffset.UTC), origin);
    if (pending.size() >= MAX_PENDING && !pending.containsKey(key)) {
      return;
    }
    pending.merge(key, new Tally(1, now), Tally::plus);
  }

  void onStart(@Observes StartupEvent start) {
    flusher = Timers.daemon("refused-origin-flusher");
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  void onStop(@Observes ShutdownEvent stop) {
    flusher.shutdownNow();
    flush();
  }

  /** Writes what was counted so far. */
  public synchronized void flush() {
    Map<Key, Tally> taken = new HashMap<>();
    for (Key key : pending.keySet()) {
      Tally tally = pending.remove(key);
      if (tally != null) {
        taken.put(key, tally);
      }
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (taken.isEmpty() && today.equals(purgedOn)) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      write(connection, taken);
      if (!today.equals(purgedOn)) {
        try (PreparedStatement purge =
            connection.prepareStatement("delete from refused_origin where day < ?")) {
          purge.setObject(1, today.minusDays(KEEP_DAYS));
          purge.executeUpdate();
        }
        purgedOn = today;
      }
    } catch (SQLException e) {
      taken.forEach((key, tally) -> pending.merge(key, tally, Tally::plus));
      LOG.warnf("Could not store refused origins, kept for the next attempt: %s", e.getMessage());
    }
  }

  private static void write(Connection connection, Map<Key, Tally> taken) throws SQLException {
    if (taken.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "insert into refused_origin (site_id, day, origin, refused, last_seen)"
                + " select s.id, ?, ?, ?, ? from site s where s.site_key = ?"
                + " and (exists (select 1 from refused_origin r"
                + "        where r.site_id = s.id and r.day = ? and r.origin = ?)"
                + "      or (select count(*) from refused_origin r"
                + "        where r.site_id = s.id and r.day = ?) < "
                + MAX_ORIGINS_PER_SITE_AND_DAY
                + ")"
                + " on conflict (site_id, day, origin) do update"
                + " set refused = refused_origin.refused + excluded.refused,"
                + " last_seen = greatest(refused_origin.last_seen, excluded.last_seen)")) {
      for (Map.Entry<Key, Tally> entry : taken.entrySet()) {
        Key key = entry.getKey();
        upsert.setObject(1, key.day());
        upsert.setString(2, key.origin());
        upsert.setLong(3, entry.getValue().refused());
        upsert.setTimestamp(4, Timestamp.from(entry.getValue().lastSeen()));
        upsert.setString(5, key.siteKey());
        upsert.setObject(6, key.day());
        upsert.setString(7, key.origin());
        upsert.setObject(8, key.day());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }
}
