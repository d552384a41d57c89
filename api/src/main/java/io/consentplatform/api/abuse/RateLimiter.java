package io.consentplatform.api.abuse;

import io.consentplatform.api.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per site and client address for the public POSTs: a visitor sends one or two per
 * page, a bot thousands. Each instance counts on its own (the limit is per instance), in memory;
 * buckets left full are dropped, so the table stays as small as the set of active clients.
 */
@ApplicationScoped
public class RateLimiter {

  private static final int SWEEP_EVERY = 10_000;

  private static final class Bucket {
    double tokens;
    long updatedNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedNanos = now;
    }
  }

  private final double capacity;
  private final double perNano;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  @Inject
  public RateLimiter(ApiConfig config) {
    this(config.rateLimitPerMinute());
  }

  RateLimiter(int perMinute) {
    this.capacity = perMinute;
    this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
  }

  /**
   * Takes one request from the bucket of {@code site} and {@code client}.
   *
   * @return 0 when allowed, else the whole seconds to wait before the next request would be
   */
  public long acquire(String site, String client) {
    long now = System.nanoTime();
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(now);
    }
    Bucket bucket =
        buckets.computeIfAbsent(site + "\u0000" + client, k -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedNanos) * perNano);
      bucket.updatedNanos = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      double nanosToOne = (1 - bucket.tokens) / perNano;
      return Math.max(1, (long) Math.ceil(nanosToOne / TimeUnit.SECONDS.toNanos(1)));
    }
  }

  /** Drops the buckets that have refilled: they would start full anyway. */
  private void sweep(long now) {
    buckets
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updatedNanos) * perNano
                    >= capacity;
              }
            });
  }
}
