package io.consentplatform.core.ledger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The ledger's background timers: one named daemon thread each, so none holds the JVM open. */
final class Timers {

  private Timers() {}

  static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }
}
