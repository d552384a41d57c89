package io.consentplatform.api.abuse;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** The rate limit of the public POSTs, applied before their body is even read. */
@ApplicationScoped
public class PublicPostLimit {

  private final RateLimiter limiter;
  private final ClientAddress addresses;

  public PublicPostLimit(RateLimiter limiter, ClientAddress addresses) {
    this.limiter = limiter;
    this.addresses = addresses;
  }

  /**
   * Counts the request against its client's limit for {@code key}.
   *
   * @return the client's address
   * @throws TooManyRequests when the client is over its limit
   */
  public String check(String key, HttpServerRequest request) {
    String client = addresses.of(request);
    long wait = limiter.acquire(key, client == null ? "unknown" : client);
    if (wait > 0) {
      throw new TooManyRequests(wait);
    }
    return client;
  }
}
