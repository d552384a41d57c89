package io.consentplatform.admin.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.signup.SignupConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-client limit of sign-ups: a window of requests, then a wait until it ends. */
class SignupThrottleTest {

  private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");

  private final SignupThrottle throttle = new SignupThrottle(new Limits(2, Duration.ofHours(1)));

  @Test
  void shouldLetAClientAskTwiceThenMakeItWaitForTheWindowsEnd() {
    assertEquals(Optional.empty(), throttle.request("203.0.113.5", NOON));
    assertEquals(Optional.empty(), throttle.request("203.0.113.5", NOON.plusSeconds(60)));
    assertEquals(
        Optional.of(Duration.ofMinutes(50)),
        throttle.request("203.0.113.5", NOON.plus(Duration.ofMinutes(10))));
    assertEquals(Optional.empty(), throttle.request("198.51.100.7", NOON), "another client");
    assertTrue(throttle.request("203.0.113.5", NOON.plus(Duration.ofHours(1))).isEmpty());
  }

  private record Limits(int perClient, Duration clientWindow) implements SignupConfig {
    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public Duration confirmationValidity() {
      return Duration.ofHours(24);
    }

    @Override
    public int perAddress() {
      return 3;
    }

    @Override
    public Duration addressWindow() {
      return Duration.ofHours(1);
    }
  }
}
