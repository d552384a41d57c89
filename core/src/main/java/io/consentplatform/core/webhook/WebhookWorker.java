package io.consentplatform.core.webhook;

import io.consentplatform.core.db.DatabaseReady;
import io.consentplatform.core.webhook.DeliveryQueue.Claimed;
import io.consentplatform.core.webhook.WebhookSender.Outcome;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends the deliveries that are due: every {@code consent.webhooks.poll-interval} it turns new
 * ledger entries into deliveries ({@link DecisionFeed}), then claims due deliveries and sends them
 * on threads of its own, as many at once as {@code consent.webhooks.workers}, until none is due.
 */
@ApplicationScoped
public class WebhookWorker {

  private static final Logger LOG = Logger.getLogger(WebhookWorker.class);

  /** HTTP 410 Gone: the receiver says the endpoint is no more (core has no JAX-RS to name it). */
  private static final int GONE = 410;

  /** This instance, as claims name it; a fresh name per start, so a restart is a new claimer. */
  private final String instance =
      System.getenv().getOrDefault("HOSTNAME", "instance")
          + "-"
          + UUID.randomUUID().toString().substring(0, 8);

  private final DeliveryQueue queue;
  private final DecisionFeed feed;
  private final WebhookConfig config;
  private final ExecutorService senders;
  private volatile boolean databaseReady;
  private boolean failing;

  WebhookWorker(DeliveryQueue queue, DecisionFeed feed, WebhookConfig config) {
    this.queue = queue;
    this.feed = feed;
    this.config = config;
    this.senders =
        Executors.newFixedThreadPool(
            Math.max(1, config.workers()),
            task -> {
              Thread thread = new Thread(task, "webhook-sender");
              thread.setDaemon(true);
              return thread;
            });
  }

  // The tables exist once the migrations have run; polling before would only log errors.
  void onDatabaseReady(@Observes DatabaseReady ready) {
    databaseReady = true;
  }

  @Scheduled(
      identity = "webhook-poll",
      every = "${consent.webhooks.poll-interval:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    if (!databaseReady || !config.enabled()) {
      return;
    }
    try {
      deliverDue();
      if (failing) {
        LOG.info("Delivering webhooks again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warnf("Delivering webhooks failed, retrying until it works: %s", e.getMessage());
        failing = true;
      }
    }
  }

  /**
   * Feeds decisions and sends everything due, on the calling thread's behalf; returns how many
   * attempts were made. The poll does this; tests call it to drive the worker themselves.
   */
  public int deliverDue() {
    feed.advance();
    int attempts = 0;
    // A claim is held longer than an attempt can take, so it never runs out under a live sender.
    Duration holdFor = config.timeout().multipliedBy(2).plusSeconds(30);
    List<Claimed> claimed;
    while (!(claimed = queue.claim(instance, Math.max(1, config.workers()), holdFor)).isEmpty()) {
      List<Future<?>> sending = new ArrayList<>();
      for (Claimed delivery : claimed) {
        sending.add(senders.submit(() -> attempt(delivery)));
      }
      for (Future<?> future : sending) {
        try {
          future.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return attempts;
        } catch (java.util.concurrent.ExecutionException e) {
          LOG.warnf("A webhook delivery failed unexpectedly: %s", e.getCause());
        }
      }
      attempts += claimed.size();
      feed.advance(); // decisions sealed meanwhile go out in this round too
    }
    return attempts;
  }

  private void attempt(Claimed delivery) {
    byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
    // The timestamp is the attempt's, as the specification says; the id stays the event's.
    long timestamp = Instant.now().getEpochSecond();
    String signature = WebhookSigner.sign(delivery.secret(), delivery.messageId(), timestamp, body);
    Outcome outcome =
        WebhookSender.send(
            delivery.url(),
            delivery.messageId(),
            timestamp,
            signature,
            body,
            config.timeout(),
            config.allowPrivateNetworks());
    if (outcome.succeeded()) {
      queue.delivered(delivery, instance, outcome.status());
      return;
    }
    if (outcome.status() == GONE) {
      queue.failed(delivery, instance, outcome.status(), outcome.error(), null);
      queue.disable(delivery.endpointId(), "The endpoint answered 410 Gone");
      return;
    }
    queue.failed(
        delivery,
        instance,
        outcome.status() == 0 ? null : outcome.status(),
        outcome.error(),
        retryIn(delivery.attempts() + 1, outcome.retryAfter()));
  }

  /**
   * The wait after the {@code failedAttempts}-th failure: the schedule's, with up to a fifth more
   * of jitter so that a receiver back from an outage is not hit by every retry at once, or the
   * receiver's Retry-After when it asks for longer; null once the schedule is over (parked).
   */
  Duration retryIn(int failedAttempts, Duration retryAfter) {
    List<Duration> schedule = config.retrySchedule();
    if (failedAttempts > schedule.size()) {
      return null;
    }
    Duration wait = schedule.get(failedAttempts - 1);
    long jitter = (long) (wait.toMillis() * 0.2 * ThreadLocalRandom.current().nextDouble());
    wait = wait.plusMillis(jitter);
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      // Honoured, within a day: a receiver cannot push a delivery out of its schedule for ever.
      wait = retryAfter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : retryAfter;
    }
    return wait;
  }

  @PreDestroy
  void stop() {
    senders.shutdownNow();
  }
}
