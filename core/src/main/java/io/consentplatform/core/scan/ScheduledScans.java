package io.consentplatform.core.scan;

import io.consentplatform.core.CoreConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Queues the scans sites' schedules ask for (weekly, monthly), once an hour, on the instances that
 * run scans: an instance that cannot scan leaves it to those that can. Several instances at once
 * queue each due scan once ({@link ScanQueue#enqueueDue}).
 */
@ApplicationScoped
class ScheduledScans {

  private static final Logger LOG = Logger.getLogger(ScheduledScans.class);

  private final ScanQueue queue;
  private final ScanWorker worker;
  private final CoreConfig.Scanner config;

  ScheduledScans(ScanQueue queue, ScanWorker worker, CoreConfig config) {
    this.queue = queue;
    this.worker = worker;
    this.config = config.scanner();
  }

  @Scheduled(
      identity = "scheduled-scans",
      every = "1h",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void enqueueDue() {
    if (!worker.runsScans()) {
      return;
    }
    try {
      int queued = queue.enqueueDue(config.pageCap());
      if (queued > 0) {
        LOG.infof("Queued %d scheduled scan(s)", queued);
      }
    } catch (RuntimeException e) {
      LOG.warnf("Could not queue scheduled scans: %s", e.getMessage());
    }
  }
}
