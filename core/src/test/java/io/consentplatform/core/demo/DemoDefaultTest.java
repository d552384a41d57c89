package io.consentplatform.core.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.CoreConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo tenant, with its real third-party domain among the allowed origins, is created only when
 * asked for: what an installation on its own database gets with no setting at all.
 */
class DemoDefaultTest {

  @Test
  void shouldLeaveTheDemoOutUnlessItIsAskedFor() {
    assertFalse(settings(Map.of()).demo().enabled(), "no setting: no demo");
    assertTrue(settings(Map.of("consent.demo.enabled", "true")).demo().enabled());
  }

  private static CoreConfig settings(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .withConverter(Duration.class, 100, new DurationConverter())
        .withConverter(MemorySize.class, 100, new MemorySizeConverter())
        .withMapping(CoreConfig.class)
        .build()
        .getConfigMapping(CoreConfig.class);
  }
}
