package io.consentplatform.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
}
