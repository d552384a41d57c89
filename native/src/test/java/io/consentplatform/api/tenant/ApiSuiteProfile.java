package io.consentplatform.api.tenant;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * What the api module's suites find in its test configuration, given to the packaged application
 * they run against here: plans without limits by default (the suites make many sites per tenant)
 * and a configured plan to find, the scanner and webhooks off (their suites are not run here).
 */
public class ApiSuiteProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "consent.scanner.enabled", "false",
        "consent.webhooks.enabled", "false",
        "consent.unknown-sites-remembered", "200",
        "consent.plans.default", "unlimited",
        "consent.plans.config-basic.name", "Basic (configuration)",
        "consent.plans.config-basic.max-sites", "3",
        "consent.plans.config-basic.features", "scanner");
  }
}
