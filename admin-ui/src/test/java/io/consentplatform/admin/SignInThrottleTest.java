package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, on a clock the test sets: who waits, how long, and when it ends. */
class SignInThrottleTest {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private final SignInThrottle throttle =
      new SignInThrottle(
          new AdminConfig.SignIn() {
            @Override
            public Duration firstDelay() {
              return Duration.ofSeconds(1);
            }

            @Override
            public Duration maxDelay() {
              return Duration.ofMinutes(5);
            }

            @Override
            public int addressFailures() {
              return 30;
            }

            @Override
            public Duration addressWindow() {
              return Duration.ofMinutes(15);
            }

            @Override
            public Duration addressBlock() {
              return Duration.ofMinutes(15);
            }
          });

  @Test
  void shouldLetThreeTypingMistakesPassThenDoubleTheWaitUpToTheCeiling() {
    Instant now = T0;
    for (int i = 0; i < 3; i++) {
      throttle.failed("owner@example.com", "198.51.100." + i, now);
      assertEquals(Optional.empty(), throttle.wait("owner@example.com", "192.0.2.1", now));
    }
    long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
    for (long seconds : expected) {
      throttle.failed("owner@example.com", "198.51.100.99", now);
      // From any address, and whatever the case of the e-mail: the account waits.
      assertEquals(
          Optional.of(Duration.ofSeconds(seconds)),
          throttle.wait("Owner@Example.com", "192.0.2.1", now));
      now = now.plusSeconds(seconds);
    }
  }

  @Test
  void shouldNeverLockAnAccountForGood() {
    for (int i = 0; i < 1_000; i++) {
      throttle.failed("victim@example.com", "198.51.100." + (i % 250), T0);
    }
    assertEquals(
        Optional.of(Duration.ofMinutes(5)), throttle.wait("victim@example.com", "192.0.2.1", T0));
    // Once the ceiling has passed, the owner signs in; a success starts the account afresh.
    Instant later = T0.plus(Duration.ofMinutes(5));
    assertEquals(Optional.empty(), throttle.wait("victim@example.com", "192.0.2.1", later));
    throttle.succeeded("victim@example.com");
    throttle.failed("victim@example.com", "192.0.2.1", later);
    assertEquals(Optional.empty(), throttle.wait("victim@example.com", "192.0.2.1", later));
  }

  @Test
  void shouldBlockAnAddressThatTriesManyAccountsAndOnlyThatAddress() {
    for (int i = 0; i < 29; i++) {
      throttle.failed("guess" + i + "@example.com", "203.0.113.7", T0);
    }
    assertEquals(Optional.empty(), throttle.wait("fresh@example.com", "203.0.113.7", T0));
    throttle.failed("guess29@example.com", "203.0.113.7", T0);

    assertEquals(
        Optional.of(Duration.ofMinutes(15)), throttle.wait("fresh@example.com", "203.0.113.7", T0));
    assertEquals(Optional.empty(), throttle.wait("fresh@example.com", "203.0.113.8", T0));
    assertEquals(
        Optional.empty(),
        throttle.wait("fresh@example.com", "203.0.113.7", T0.plus(Duration.ofMinutes(15))));
  }

  @Test
  void shouldStartAnAddressesCountAfreshAfterItsWindow() {
    for (int i = 0; i < 29; i++) {
      throttle.failed("a" + i + "@example.com", "203.0.113.9", T0);
    }
    Instant nextWindow = T0.plus(Duration.ofMinutes(15));
    throttle.failed("late@example.com", "203.0.113.9", nextWindow);
    assertEquals(Optional.empty(), throttle.wait("other@example.com", "203.0.113.9", nextWindow));
  }

  @Test
  void shouldForgetIdleEntriesRatherThanGrowWithoutBound() {
    for (int i = 0; i < SignInThrottle.MAX_ENTRIES + 5_000; i++) {
      throttle.failed("spray" + i + "@example.com", null, T0.plusMillis(i));
    }
    assertTrue(throttle.size() <= SignInThrottle.MAX_ENTRIES, "entries: " + throttle.size());
  }
}
