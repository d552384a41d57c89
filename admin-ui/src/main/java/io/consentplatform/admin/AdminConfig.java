package io.consentplatform.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Settings of the back office. Every key is listed in the README's configuration table. */
@ConfigMapping(prefix = "consent.admin")
public interface AdminConfig {

  /**
   * The time zone in which the back office shows dates and times (an IANA name such as {@code
   * America/New_York}); pages always name it beside each time.
   */
  @WithDefault("UTC")
  ZoneId timeZone();

  /**
   * How long a local account's session lasts at most after signing in, however active it stays (the
   * idle timeout is {@code quarkus.http.auth.form.timeout}); then the person signs in again.
   */
  @WithDefault("PT12H")
  Duration sessionLifetime();

  /** How the sign-in form resists password guessing (SignInThrottle). */
  SignIn signIn();

  /** The sign-in throttle's settings. */
  interface SignIn {
    /**
     * The wait after an account's first failures beyond the free ones (three); it doubles with each
     * further failure.
     */
    @WithDefault("PT1S")
    Duration firstDelay();

    /** The longest an account waits after repeated wrong passwords (the delay doubles up to it). */
    @WithDefault("PT5M")
    Duration maxDelay();

    /** How many failed sign-ins one address may have within {@link #addressWindow()}. */
    @WithDefault("30")
    int addressFailures();

    /** The window in which an address's failed sign-ins are counted. */
    @WithDefault("PT15M")
    Duration addressWindow();

    /** How long an address that failed too often is refused. */
    @WithDefault("PT15M")
    Duration addressBlock();
  }
}
