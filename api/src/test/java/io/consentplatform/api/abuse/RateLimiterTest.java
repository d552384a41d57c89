package io.consentplatform.api.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void shouldAllowTheLimitThenAskToWaitPerSiteAndAddress() {
    RateLimiter limiter = new RateLimiter(60);
    for (int i = 0; i < 60; i++) {
      assertEquals(0, limiter.acquire("site", "203.0.113.7"), "request " + i);
    }
    long wait = limiter.acquire("site", "203.0.113.7");
    assertTrue(wait >= 1 && wait <= 2, "about one second for one more token: " + wait);
    assertEquals(0, limiter.acquire("site", "203.0.113.8"), "another address has its own");
    assertEquals(0, limiter.acquire("other-site", "203.0.113.7"), "another site too");
  }

  @Test
  void shouldCountAnIpv6ClientByItsSlash64() {
    RateLimiter limiter = new RateLimiter(2);
    assertEquals(0, limiter.acquire("site", "2001:db8:1:2::1"));
    assertEquals(0, limiter.acquire("site", "2001:db8:1:2:0:0:0:2"));
    assertTrue(
        limiter.acquire("site", "2001:db8:1:2:ffff:eeee:dddd:9") > 0,
        "a third address of the same /64 shares its bucket");
    assertEquals(0, limiter.acquire("site", "2001:db8:1:3::1"), "the next /64 is another client");
    assertEquals(0, limiter.acquire("site", "203.0.113.7"), "IPv4 counts by address");
    assertEquals(0, limiter.acquire("site", "203.0.113.7"));
    assertTrue(limiter.acquire("site", "203.0.113.7") > 0);
    assertEquals(0, limiter.acquire("site", "203.0.113.8"));
  }

  @Test
  void shouldGiveEachOfFourInstancesAQuarterOfTheLimit() {
    RateLimiter oneOfFour = PublicLimits.shareOf(120, 4);
    for (int i = 0; i < 30; i++) {
      assertEquals(0, oneOfFour.acquire("site", "203.0.113.7"), "request " + i);
    }
    assertTrue(oneOfFour.acquire("site", "203.0.113.7") > 0, "the 31st is over this share");
    RateLimiter alone = PublicLimits.shareOf(120, 1);
    for (int i = 0; i < 120; i++) {
      assertEquals(0, alone.acquire("site", "203.0.113.7"), "request " + i);
    }
  }
}
