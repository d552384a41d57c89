package io.consentplatform.core.db;

import io.consentplatform.core.CoreConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Migrates the schema at start-up, and keeps trying when the database cannot be reached: the
 * application then runs, not ready (readiness DOWN, liveness UP), instead of exiting into a crash
 * loop, and becomes ready by itself once the database answers.
 */
@ApplicationScoped
public class DatabaseSetup {

  private static final Logger LOG = Logger.getLogger(DatabaseSetup.class);

  private final Flyway flyway;
  private final Event<DatabaseReady> ready;
  private final String url;
  private final Duration retry;
  private volatile boolean migrated;
  private ScheduledExecutorService retries;

  public DatabaseSetup(
      Flyway flyway,
      Event<DatabaseReady> ready,
      @ConfigProperty(name = "quarkus.datasource.jdbc.url", defaultValue = "(unset)") String url,
      CoreConfig config) {
    this.flyway = flyway;
    this.ready = ready;
    this.url = url;
    this.retry = config.database().retryInterval();
  }

  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent start) {
    if (!attempt()) {
      LOG.errorf(
          "The database at %s cannot be reached: the platform is running but not ready, and tries"
              + " again every %d ms",
          url, retry.toMillis());
      retries =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "database-setup");
                thread.setDaemon(true);
                return thread;
              });
      retries.scheduleWithFixedDelay(
          this::retry, retry.toMillis(), retry.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  void onStop(@Observes ShutdownEvent stop) {
    if (retries != null) {
      retries.shutdownNow();
    }
  }

  /** Whether the schema is in place: the readiness check's answer. */
  public boolean isReady() {
    return migrated;
  }

  private void retry() {
    try {
      if (attempt()) {
        LOG.infof("The database at %s answers: the platform is ready", url);
        retries.shutdown();
      }
    } catch (RuntimeException e) {
      // An executor drops a task that throws, silently: say why the platform stays not ready.
      LOG.errorf(e, "Setting up the database at %s failed; trying again", url);
    }
  }

  /** Migrates, then announces the database; false when it cannot be reached. */
  private synchronized boolean attempt() {
    if (migrated) {
      return true;
    }
    try {
      flyway.migrate();
    } catch (RuntimeException e) {
      if (DatabaseUnavailable.is(e)) {
        return false;
      }
      throw e; // a migration that fails on a reachable database is a defect: stop here
    }
    try {
      ready.fire(new DatabaseReady());
    } catch (RuntimeException e) {
      if (DatabaseUnavailable.is(e)) {
        return false; // gone again before the start-up work was done: all of it runs again
      }
      throw e;
    }
    // Ready only now: the demo tenant and the first owner exist once readiness says UP.
    migrated = true;
    return true;
  }
}
