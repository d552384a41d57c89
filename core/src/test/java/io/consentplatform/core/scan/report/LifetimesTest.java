package io.consentplatform.core.scan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.cookie.Retention.Unit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Changed retention" and the retention an adopted finding gets, on written-out durations. */
class LifetimesTest {

  private static final long DAY = 86_400;

  @Test
  void shouldCallARetentionChangedOnlyBeyondAQuarter() {
    Retention thirtyDays = Retention.of(30, Unit.DAYS);
    assertFalse(Lifetimes.changed(thirtyDays, 30 * DAY));
    assertFalse(Lifetimes.changed(thirtyDays, 37 * DAY + DAY / 2), "exactly a quarter more");
    assertFalse(Lifetimes.changed(thirtyDays, 22 * DAY + DAY / 2), "exactly a quarter less");
    assertTrue(Lifetimes.changed(thirtyDays, 38 * DAY));
    assertTrue(Lifetimes.changed(thirtyDays, 22 * DAY));
    // 13 months are 395.69 days on average.
    assertFalse(Lifetimes.changed(Retention.of(13, Unit.MONTHS), 400 * DAY));
    assertTrue(Lifetimes.changed(Retention.of(13, Unit.MONTHS), 200 * DAY));
  }

  @Test
  void shouldCallSessionAgainstPersistentChanged() {
    assertTrue(Lifetimes.changed(Retention.session(), 365 * DAY));
    assertTrue(Lifetimes.changed(Retention.of(1, Unit.YEARS), null));
    assertFalse(Lifetimes.changed(Retention.session(), null));
    assertFalse(
        Lifetimes.changed(new Retention(null, null, Map.of("en", "until you sign out")), 60L),
        "a note alone says no duration to compare");
  }

  @Test
  void shouldSayAnObservedLifetimeInTheLargestUnitThatFits() {
    assertEquals(Retention.session(), Lifetimes.retentionOf(null));
    assertEquals(Retention.of(13, Unit.MONTHS), Lifetimes.retentionOf(400 * DAY));
    assertEquals(Retention.of(2, Unit.YEARS), Lifetimes.retentionOf(730 * DAY));
    assertEquals(Retention.of(36, Unit.DAYS), Lifetimes.retentionOf(36 * DAY));
    assertEquals(Retention.of(1, Unit.DAYS), Lifetimes.retentionOf(DAY));
    assertEquals(Retention.of(31, Unit.HOURS), Lifetimes.retentionOf(31 * 3600L));
    assertEquals(Retention.of(30, Unit.MINUTES), Lifetimes.retentionOf(1800L));
    assertEquals(Retention.of(1, Unit.MINUTES), Lifetimes.retentionOf(5L));
  }
}
