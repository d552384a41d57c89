package io.consentplatform.core.scan;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.Timers;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.db.DatabaseReady;
import io.consentplatform.core.scan.ScanQueue.Claim;
import io.consentplatform.core.scan.report.Declaration;
import io.consentplatform.core.scan.report.ReportBuilder;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.site.Site;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs the queued scans on an instance that can: polls the queue every {@code
 * consent.scanner.poll-interval} with the Quarkus Scheduler (which skips a poll while the last one
 * still runs, and whose interval comes from configuration), and runs one scan at a time on a thread
 * of its own, never on the scheduler's or an event loop: a scan blocks for minutes and one browser
 * per instance is the bound. While it runs it beats the scan's heartbeat and stores its progress;
 * at the end its report or why it failed.
 */
@ApplicationScoped
public class ScanWorker {

  private static final Logger LOG = Logger.getLogger(ScanWorker.class);

  /** This instance, as claims name it: the host (a pod's name) and a per-start suffix. */
  static final String INSTANCE =
      System.getenv().getOrDefault("HOSTNAME", "instance")
          + "-"
          + UUID.randomUUID().toString().substring(0, 8);

  private final ScanQueue queue;
  private final Instance<SiteScanner> scanners;
  private final CoreConfig.Scanner config;
  private final ScanReach reach;
  private final CookieDatabases databases;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "scan-worker");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean databaseReady;
  private final ScheduledExecutorService heartbeat = Timers.daemon("scan-heartbeat");

  ScanWorker(
      ScanQueue queue,
      Instance<SiteScanner> scanners,
      CoreConfig config,
      ScanReach reach,
      CookieDatabases databases) {
    this.queue = queue;
    this.scanners = scanners;
    this.config = config.scanner();
    this.reach = reach;
    this.databases = databases;
  }

  /**
   * Whether this instance runs scans: once its database is ready, {@code consent.scanner.enabled}
   * unless unset, and an engine that can (a browser was found).
   */
  public boolean runsScans() {
    return databaseReady
        && config.enabled().orElse(true)
        && scanners.isResolvable()
        && scanners.get().available();
  }

  // The queue's table exists once the migrations have run; polling before would only log errors.
  void onDatabaseReady(@Observes DatabaseReady ready) {
    databaseReady = true;
  }

  @Scheduled(
      identity = "scan-queue-poll",
      every = "${consent.scanner.poll-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    if (!runsScans() || !busy.compareAndSet(false, true)) {
      return;
    }
    try {
      Optional<Claim> claim = queue.claim(INSTANCE, config.staleAfter());
      if (claim.isEmpty()) {
        busy.set(false);
        return;
      }
      runner.execute(
          () -> {
            try {
              run(claim.get());
            } finally {
              busy.set(false);
            }
          });
    } catch (RuntimeException e) {
      busy.set(false);
      LOG.warnf("Could not look for a queued scan: %s", e.getMessage());
    }
  }

  /**
   * Claims the next waiting scan and runs it on the calling thread; the id of the scan it ran, or
   * empty when none waited. The poll does the same on the worker's own thread.
   */
  Optional<Long> runNext() {
    Optional<Claim> claim = queue.claim(INSTANCE, config.staleAfter());
    claim.ifPresent(this::run);
    return claim.map(Claim::scanId);
  }

  /** Runs one claimed scan to its report or its failure; never throws. */
  void run(Claim claim) {
    ScheduledFuture<?> beating = null;
    try {
      Job job = job(claim.scanId());
      if (job.archived()) {
        fail(claim, "The site was archived: it is not scanned");
        return;
      }
      Instant started = Instant.now();
      // An engine that overruns its own time limit by this much is stuck: the scan is failed
      // rather than beaten for ever.
      Instant overrun = started.plus(config.scanTimeout()).plus(config.staleAfter());
      long every = Math.max(1000, config.staleAfter().toMillis() / 4);
      beating =
          heartbeat.scheduleAtFixedRate(
              () -> beat(claim, overrun), every, every, TimeUnit.MILLISECONDS);
      SiteScanner scanner = scanners.get();
      ScanObservations observations =
          scanner.scan(job.target(), (pass, visited, cap) -> progress(claim, pass, visited));
      ScanReport report =
          ReportBuilder.build(
              observations,
              job.declarations(),
              job.target().domains(),
              job.declaredDomains(),
              databases.current(),
              started);
      if (!queue.finish(claim, report)) {
        LOG.warnf(
            "Scan %d was taken over by another instance; its report is dropped", claim.scanId());
      }
    } catch (ScanFailed e) {
      fail(claim, e.getMessage());
    } catch (RuntimeException e) {
      // The tenant reads the failure: the details, which may be the platform's, go to the log.
      LOG.errorf(e, "Scan %d failed", claim.scanId());
      fail(claim, "The scan stopped unexpectedly; the platform's log says why");
    } finally {
      if (beating != null) {
        beating.cancel(false);
      }
    }
  }

  /** Progress is told by the engine's thread: a missed write must not stop the scan. */
  private void progress(Claim claim, Pass pass, int visited) {
    try {
      queue.beat(claim, pass, visited);
    } catch (RuntimeException e) {
      LOG.debugf("Progress of scan %d missed: %s", claim.scanId(), e.getMessage());
    }
  }

  private void fail(Claim claim, String failure) {
    try {
      queue.fail(claim, failure);
    } catch (RuntimeException e) {
      // Its heartbeat stops with it: another instance takes it over once it is stale.
      LOG.warnf("Could not record the failure of scan %d: %s", claim.scanId(), e.getMessage());
    }
  }

  private void beat(Claim claim, Instant overrun) {
    if (Instant.now().isAfter(overrun)) {
      LOG.warnf("Scan %d overran its time limit; it is failed", claim.scanId());
      fail(claim, "The scan took longer than its limit of " + config.scanTimeout());
      throw new IllegalStateException("stop beating"); // ends this periodic task
    }
    try {
      queue.beat(claim, null, null);
    } catch (RuntimeException e) {
      LOG.debugf("Heartbeat of scan %d missed: %s", claim.scanId(), e.getMessage());
    }
  }

  /** What a scan needs from the database, read once before the browser starts. */
  private record Job(
      boolean archived,
      ScanTarget target,
      List<String> declaredDomains,
      List<Declaration> declarations) {}

  private Job job(long scanId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Scan scan = Scan.findById(scanId);
              Site site = scan.site;
              var reachable = reach.reachable(site.key);
              // The demo site's declared domains name a portal out of reach: its scans visit the
              // platform's own demo pages instead, and only them.
              List<String> domains =
                  reachable.isEmpty()
                      ? List.copyOf(site.domains)
                      : reach.pages(site.key).stream().sorted().toList();
              ScanTarget target =
                  new ScanTarget(
                      site.key,
                      domains,
                      scan.pageCap,
                      config.depth(),
                      config.pageTimeout(),
                      config.scanTimeout(),
                      reachable);
              List<Declaration> declarations = new ArrayList<>();
              for (Cookie cookie : Cookie.listForSite(site)) {
                declarations.add(
                    new Declaration(
                        cookie.id,
                        cookie.name,
                        cookie.wildcard,
                        cookie.domain,
                        cookie.party,
                        cookie.retention(),
                        cookie.category.key,
                        cookie.category.purpose,
                        cookie.category.required,
                        cookie.provider.name));
              }
              return new Job(site.isArchived(), target, List.copyOf(site.domains), declarations);
            });
  }

  @PreDestroy
  void stop() {
    runner.shutdownNow();
    heartbeat.shutdownNow();
  }
}
