package io.consentplatform.api.abuse;

/** A client over its rate limit; it may try again after {@code retryAfterSeconds}. */
public class TooManyRequests extends RuntimeException {

  private final long retryAfterSeconds;

  public TooManyRequests(long retryAfterSeconds) {
    super(
        "Too many requests from this address: try again in " + retryAfterSeconds + " s",
        null,
        false,
        false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
