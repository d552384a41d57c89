package io.consentplatform.app;

import io.consentplatform.core.db.EmbeddedPostgresServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded database's life inside the platform's. An ordinary stop (SIGTERM, Ctrl-C) runs
 * the JVM's shutdown hooks, and the JVM ends once they return, whatever the main thread is doing;
 * so the database is stopped by a hook of its own that first waits for the application to release
 * its connections. It is registered before the database starts: a stop that comes while the
 * database or the application is still starting is waited for too. A JVM that is killed cannot run
 * hooks; the database's watchdog covers that.
 */
final class EmbeddedDatabaseLifecycle {

  /** Longer than the application's own graceful stop (quarkus.shutdown.timeout). */
  private static final long APPLICATION_STOP_SECONDS = 30;

  private final CountDownLatch applicationDone = new CountDownLatch(1);
  private volatile boolean jvmStopping;
  private volatile EmbeddedPostgresServer database;

  private EmbeddedDatabaseLifecycle() {}

  static EmbeddedDatabaseLifecycle begin() {
    EmbeddedDatabaseLifecycle lifecycle = new EmbeddedDatabaseLifecycle();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(lifecycle::onJvmShutdown, "embedded-database-stop"));
    return lifecycle;
  }

  void started(EmbeddedPostgresServer database) {
    this.database = database;
  }

  /** Whether the JVM began to stop while the database was starting: then start nothing more. */
  boolean jvmStopping() {
    return jvmStopping;
  }

  /** The application has stopped, or will not run: the database goes now. */
  void applicationDone() {
    try {
      stopDatabase();
    } finally {
      applicationDone.countDown();
    }
  }

  private void onJvmShutdown() {
    jvmStopping = true;
    try {
      applicationDone.await(APPLICATION_STOP_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopDatabase(); // no-op when the application's end already stopped it
  }

  private void stopDatabase() {
    EmbeddedPostgresServer running = database;
    if (running != null) {
      running.close();
    }
  }
}
