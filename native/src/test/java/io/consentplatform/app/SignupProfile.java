package io.consentplatform.app;

import io.consentplatform.core.testing.GreenMailResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Self-service sign-up switched on, with mail through a real SMTP server (GreenMail): for every
 * test of sign-up and of what it mails. The per-client limit is high, since every test's browser
 * comes from the same address (SignupThrottleTest covers that limit).
 */
public class SignupProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("consent.signup.enabled", "true", "consent.signup.per-client", "1000");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(GreenMailResource.class));
  }
}
