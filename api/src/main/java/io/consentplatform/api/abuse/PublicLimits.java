package io.consentplatform.api.abuse;

import io.consentplatform.api.ApiConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rate limits of the public endpoints, per client address: the POSTs per site (checked by
 * {@link PublicPostRoute} before their body is read), the reads of receipts and statuses, and the
 * banner requests that memory cannot answer (the ones that may cost a query). With several
 * instances behind one load balancer, {@code consent.api.rate-limit-instances} divides each limit
 * among them, so that the whole deployment allows about what one instance would.
 */
@ApplicationScoped
public class PublicLimits {

  private final RateLimiter posts;
  private final RateLimiter reads;
  private final RateLimiter misses;
  private final ClientAddress addresses;

  public PublicLimits(ApiConfig config, ClientAddress addresses) {
    int instances = Math.max(1, config.rateLimitInstances());
    this.posts = shareOf(config.rateLimitPerMinute(), instances);
    this.reads = shareOf(config.readRateLimitPerMinute(), instances);
    this.misses = shareOf(config.missRateLimitPerMinute(), instances);
    this.addresses = addresses;
  }

  /**
   * Counts a public POST against its client's limit for {@code scope} (a site, or a site's
   * impressions).
   *
   * @return the client's address
   * @throws TooManyRequests when the client is over its limit
   */
  public String post(String scope, HttpServerRequest request) {
    return take(posts, scope, request);
  }

  /** Counts a read of a receipt or a status against its client's limit. */
  public void read(HttpServerRequest request) {
    take(reads, "reads", request);
  }

  /** Counts a banner request that memory could not answer against its client's limit. */
  public void miss(HttpServerRequest request) {
    take(misses, "misses", request);
  }

  private String take(RateLimiter limiter, String scope, HttpServerRequest request) {
    String client = addresses.of(request);
    long wait = limiter.acquire(scope, client == null ? "unknown" : client);
    if (wait > 0) {
      throw new TooManyRequests(wait);
    }
    return client;
  }

  /** One instance's limiter for a deployment-wide limit of {@code perMinute}. */
  static RateLimiter shareOf(int perMinute, int instances) {
    return new RateLimiter(Math.max(1, perMinute / instances));
  }
}
