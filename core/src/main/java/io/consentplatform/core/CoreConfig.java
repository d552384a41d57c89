package io.consentplatform.core;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the consent domain. */
@ConfigMapping(prefix = "consent.demo")
public interface CoreConfig {

  /** Whether the demo tenant (Town of Cary) is created on the first start. */
  @WithDefault("true")
  boolean enabled();
}
