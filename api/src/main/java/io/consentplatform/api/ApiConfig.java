package io.consentplatform.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the HTTP endpoints. */
@ConfigMapping(prefix = "consent.api")
public interface ApiConfig {

  /** How long browsers and CDNs may reuse a banner configuration without asking again. */
  @WithDefault("60s")
  Duration bannerMaxAge();

  /** How long after that a stale configuration may still be served while it is refreshed. */
  @WithDefault("10m")
  Duration bannerStaleWhileRevalidate();

  /** How long browsers may reuse the banner script without asking again. */
  @WithDefault("1h")
  Duration scriptMaxAge();

  /** The largest consent request body accepted, in bytes. */
  @WithDefault("8192")
  int maxConsentBodyBytes();

  /** How many public POSTs one client address may send to one site in a minute. */
  @WithDefault("120")
  int rateLimitPerMinute();

  /** How many receipts and statuses one client address may read in a minute. */
  @WithDefault("600")
  int readRateLimitPerMinute();

  /**
   * How many banner requests one client address may send in a minute for sites not in memory
   * (unknown keys, or sites not asked for since the last publication): each may cost a query.
   */
  @WithDefault("60")
  int missRateLimitPerMinute();

  /**
   * How many instances share the limits above: each instance allows its share, so that the
   * deployment as a whole allows about the configured figures. 1 counts each instance on its own.
   */
  @WithDefault("1")
  int rateLimitInstances();
}
