package io.consentplatform.api.abuse;

import io.consentplatform.core.net.TrustedProxies;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per scope (a site, or a kind of request) and client: a visitor sends one or two
 * requests per page, a bot thousands. An IPv6 client is counted by its /64, the block one
 * subscriber gets, so that rotating addresses inside it buys nothing. Each instance counts on its
 * own, in memory; buckets left full are dropped, so the table stays as small as the set of active
 * clients.
 */
class RateLimiter {

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

  RateLimiter(int perMinute) {
    this.capacity = perMinute;
    this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
  }

  /**
   * Takes one request from the bucket of {@code scope} and {@code client} (an IP literal).
   *
   * @return 0 when allowed, else the whole seconds to wait before the next request would be
   */
  long acquire(String scope, String client) {
    long now = System.nanoTime();
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(now);
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            scope + "\u0000" + bucketOf(client), k -> new Bucket(capacity, now));
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

  /** The client's bucket: its address, or for IPv6 the first 64 bits of it. */
  static String bucketOf(String client) {
    byte[] address = TrustedProxies.literal(client);
    if (address == null || address.length != 16) {
      return client;
    }
    StringBuilder prefix = new StringBuilder("v6:");
    for (int i = 0; i < 8; i++) {
      prefix.append(String.format("%02x", address[i]));
    }
    return prefix.append("::/64").toString();
  }
}
