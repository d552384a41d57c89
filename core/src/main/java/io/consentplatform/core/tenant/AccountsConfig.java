package io.consentplatform.core.tenant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Local accounts' one-time links and how they travel. */
@ConfigMapping(prefix = "consent.accounts")
public interface AccountsConfig {

  /** How long an invitation link can be used before the owner must make a new one. */
  @WithDefault("P7D")
  Duration invitationValidity();

  /** How long a password-reset link can be used. */
  @WithDefault("PT1H")
  Duration passwordResetValidity();

  /** How long the password-reset link an owner makes for a member of their tenant can be used. */
  @WithDefault("PT24H")
  Duration memberResetValidity();

  /**
   * Whether links are also e-mailed, through the SMTP server of {@code quarkus.mailer.*}; without
   * it an invitation link is only shown to the owner who made it, and no reset can be asked for.
   */
  @WithDefault("false")
  boolean sendMail();
}
