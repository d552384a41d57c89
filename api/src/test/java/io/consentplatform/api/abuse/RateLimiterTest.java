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
}
