package io.consentplatform.core.signup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Self-service sign-up: organisations creating their own tenant after confirming an e-mail. */
@ConfigMapping(prefix = "consent.signup")
public interface SignupConfig {

  /**
   * Whether anyone may sign an organisation up; it needs mail ({@code consent.accounts.send-mail}).
   */
  @WithDefault("false")
  boolean enabled();

  /** How long the confirmation link of a sign-up works. */
  @WithDefault("PT24H")
  Duration confirmationValidity();

  /** How many sign-ups one e-mail address may ask for in {@link #addressWindow()}. */
  @WithDefault("3")
  int perAddress();

  /** The window of {@link #perAddress()}. */
  @WithDefault("PT1H")
  Duration addressWindow();

  /** How many sign-ups one client (IP) address may ask for in {@link #clientWindow()}. */
  @WithDefault("10")
  int perClient();

  /** The window of {@link #perClient()}. */
  @WithDefault("PT1H")
  Duration clientWindow();
}
