package io.consentplatform.app;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * Visitors deciding as fast as they can, spread over one or more instances, remembering each
 * acknowledged receipt and which instance gave it. A visitor whose instance is gone or refuses (503
 * with Retry-After) moves on to the next one, as a load balancer would send it.
 */
final class Writers implements AutoCloseable {

  static final String DECISION =
      "{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"}";
  private static final Pattern CONSENT_ID = Pattern.compile("\"consentId\":\"([0-9a-f-]{36})\"");

  final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
  final List<AtomicInteger> acknowledgedBy = new ArrayList<>();
  final AtomicInteger unavailable = new AtomicInteger();
  final AtomicInteger unreachable = new AtomicInteger();
  final AtomicInteger otherAnswers = new AtomicInteger();
  final List<String> others = Collections.synchronizedList(new ArrayList<>());
  final AtomicReference<Instant> lastAcknowledged = new AtomicReference<>(Instant.EPOCH);
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ExecutorService pool;

  Writers(Platform platform, int threads) {
    this(List.of(platform), threads);
  }

  Writers(List<Platform> platforms, int threads) {
    platforms.forEach(platform -> acknowledgedBy.add(new AtomicInteger()));
    pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      int first = i % platforms.size();
      pool.submit(
          () -> {
            int target = first;
            while (running.get()) {
              try {
                HttpResponse<String> answer =
                    platforms.get(target).post("/v1/sites/townofcary/consents", DECISION);
                if (answer.statusCode() == 201) {
                  Matcher id = CONSENT_ID.matcher(answer.body());
                  if (id.find()) {
                    acknowledged.add(UUID.fromString(id.group(1)));
                    acknowledgedBy.get(target).incrementAndGet();
                    lastAcknowledged.set(Instant.now());
                  } else {
                    otherAnswers.incrementAndGet();
                  }
                } else if (answer.statusCode() == 503
                    && answer.headers().firstValue("Retry-After").isPresent()) {
                  unavailable.incrementAndGet();
                  target = (target + 1) % platforms.size();
                  Thread.sleep(50);
                } else {
                  otherAnswers.incrementAndGet();
                  others.add(answer.statusCode() + " " + answer.body());
                }
              } catch (IOException gone) {
                // The process is stopping or gone: nothing was acknowledged for this request.
                unreachable.incrementAndGet();
                target = (target + 1) % platforms.size();
                Thread.sleep(50);
              }
            }
            return null;
          });
    }
  }

  Instant awaitAcknowledgedAfter(Instant moment, Duration within) {
    return Awaitility.await("a decision acknowledged within " + within + " of the restart")
        .atMost(Duration.between(Instant.now(), moment.plus(within)))
        .pollInterval(Duration.ofMillis(20))
        .until(lastAcknowledged::get, last -> last.isAfter(moment));
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);
  }
}
