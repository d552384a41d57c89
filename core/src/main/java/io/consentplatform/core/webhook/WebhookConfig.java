package io.consentplatform.core.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How webhooks are delivered, under {@code consent.webhooks}. */
@ConfigMapping(prefix = "consent.webhooks")
public interface WebhookConfig {

  /**
   * Whether this instance delivers webhooks. Events are queued either way, for an instance that
   * delivers them.
   */
  @WithDefault("true")
  boolean enabled();

  /**
   * Whether endpoints may be plain HTTP and resolve to private, loopback and link-local addresses:
   * for tests and intranet installations only. Off, those are refused at registration and at each
   * delivery.
   */
  @WithDefault("false")
  boolean allowPrivateNetworks();

  /** The longest one delivery attempt may take, connecting and waiting for the answer together. */
  @WithDefault("15s")
  Duration timeout();

  /** How often an instance looks for deliveries that are due. */
  @WithDefault("2s")
  Duration pollInterval();

  /** How many deliveries one instance sends at once. */
  @WithDefault("4")
  int workers();

  /**
   * The waits between a failed attempt and the next (the first attempt is immediate), each with up
   * to a fifth of random jitter; after the last one fails the delivery is parked. The default is
   * the Standard Webhooks example: retries for more than three days.
   */
  @WithDefault("5s,5m,30m,2h,5h,10h,14h,20h,24h")
  List<Duration> retrySchedule();
}
