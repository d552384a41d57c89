package io.consentplatform.core;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The platform's background timers (ledger sealing, retention, buffered counters): one named daemon
 * thread each, so none holds the JVM open.
 */
public final class Timers {

  private Timers() {}

  public static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }
}
