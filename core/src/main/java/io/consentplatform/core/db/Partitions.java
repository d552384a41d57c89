package io.consentplatform.core.db;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.Timers;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps the monthly partitions of consent records and ledger entries ahead of time (migration V24):
 * at start and every day, through the owner's function, since the application's role may not create
 * tables. Several instances may do it at once; the function takes turns and skips what exists.
 */
@ApplicationScoped
public class Partitions {

  private static final Logger LOG = Logger.getLogger(Partitions.class);

  private final DataSource dataSource;
  private final int monthsAhead;
  private volatile ScheduledExecutorService timer;

  public Partitions(DataSource dataSource, CoreConfig config) {
    this.dataSource = dataSource;
    this.monthsAhead = config.database().partitionsAhead();
  }

  // Once the schema is there: started with the application, the first round on a new database ran
  // before the migration and logged a failure.
  void onDatabaseReady(@Observes DatabaseReady ready) {
    timer = Timers.daemon("consent-partitions");
    timer.scheduleWithFixedDelay(this::createQuietly, 0, 1, TimeUnit.DAYS);
  }

  void onStop(@Observes ShutdownEvent stop) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void createQuietly() {
    try {
      int created = createAhead();
      if (created > 0) {
        LOG.infof("Created the consent partitions of %d more months", created);
      }
    } catch (RuntimeException e) {
      // The months already made (three ahead) and the default partition leave time; try again soon
      // rather than tomorrow, as when the database was not up yet at start.
      LOG.warnf(
          "Creating consent partitions failed, trying again in 10 minutes: %s", e.getMessage());
      timer.schedule(this::createQuietly, 10, TimeUnit.MINUTES);
    }
  }

  /** Creates the missing partitions of this month and the configured months ahead; how many. */
  public int createAhead() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement create =
            connection.prepareStatement("select consent_create_partitions(?, ?)")) {
      create.setObject(1, LocalDate.now(ZoneOffset.UTC));
      create.setInt(2, monthsAhead);
      try (ResultSet row = create.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Creating consent partitions failed", e);
    }
  }
}
