package io.consentplatform.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A container defines plans in its environment (a Kubernetes Secret or ConfigMap), where a
 * property's name loses its dots and dashes: {@code CONSENT_PLANS_BASIC_MAX_SITES} is the plan
 * {@code basic}'s limit. (A plan code with a dash cannot be written there: docs/saas-plans.md.)
 */
class PlanConfigFromEnvironmentTest {

  @Test
  void shouldReadAPlanDefinedInTheEnvironment() {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withSources(
                new EnvConfigSource(
                    Map.of(
                        "CONSENT_PLANS_DEFAULT", "unlimited",
                        "CONSENT_PLANS_BASIC_NAME", "Basic (configuration)",
                        "CONSENT_PLANS_BASIC_MAX_SITES", "3",
                        "CONSENT_PLANS_BASIC_FEATURES", "scanner"),
                    300))
            .withMapping(PlanConfig.class)
            .build();

    PlanConfig plans = config.getConfigMapping(PlanConfig.class);

    assertEquals(List.of("basic"), List.copyOf(plans.definitions().keySet()));
    PlanConfig.Definition basic = plans.definitions().get("basic");
    assertEquals("Basic (configuration)", basic.name());
    assertEquals(Optional.of(3), basic.maxSites());
    assertEquals(Optional.of(List.of("scanner")), basic.features());
  }
}
