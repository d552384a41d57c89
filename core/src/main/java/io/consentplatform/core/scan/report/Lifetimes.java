package io.consentplatform.core.scan.report;

import io.consentplatform.core.cookie.Retention;
import java.time.Duration;

/** Observed cookie lifetimes against declared retentions, in seconds. */
public final class Lifetimes {

  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long WEEK = 7 * DAY;
  // A calendar month and year on average, as a declaration's "13 months" means.
  private static final long MONTH = Duration.ofDays(365 * 4 + 1).toSeconds() / 48;
  private static final long YEAR = 12 * MONTH;

  private Lifetimes() {}

  /**
   * A retention that says an observed lifetime in the largest unit that says it within 5%: "13
   * months" for 400 days, "36 days" for 36 days (not "1 month"), so that the next scan does not
   * find the adopted declaration changed; a session for a session cookie (null).
   */
  public static Retention retentionOf(Long seconds) {
    if (seconds == null) {
      return Retention.session();
    }
    long s = Math.max(seconds, MINUTE);
    long[] sizes = {YEAR, MONTH, DAY, HOUR, MINUTE};
    Retention.Unit[] units = {
      Retention.Unit.YEARS,
      Retention.Unit.MONTHS,
      Retention.Unit.DAYS,
      Retention.Unit.HOURS,
      Retention.Unit.MINUTES
    };
    for (int i = 0; i < sizes.length; i++) {
      long amount = Math.round((double) s / sizes[i]);
      if (amount >= 1
          && amount <= Retention.MAX_AMOUNT
          && Math.abs(amount * sizes[i] - s) * 20 <= s) {
        return Retention.of((int) amount, units[i]);
      }
    }
    // Beyond a thousand years, or under ten minutes: the nearest that can be said.
    return s >= YEAR
        ? capped(Math.round((double) s / YEAR), Retention.Unit.YEARS)
        : capped(Math.round((double) s / MINUTE), Retention.Unit.MINUTES);
  }

  /** The declared retention in seconds; null for a session, empty when it is only a note. */
  static java.util.Optional<Long> secondsOf(Retention retention) {
    if (retention == null || retention.unit() == null) {
      return java.util.Optional.empty();
    }
    if (retention.unit() == Retention.Unit.SESSION) {
      return java.util.Optional.ofNullable(null);
    }
    long unit =
        switch (retention.unit()) {
          case MINUTES -> MINUTE;
          case HOURS -> HOUR;
          case DAYS -> DAY;
          case WEEKS -> WEEK;
          case MONTHS -> MONTH;
          case YEARS -> YEAR;
          case SESSION -> 0;
        };
    return java.util.Optional.of(unit * retention.amount());
  }

  /**
   * Whether an observed lifetime differs from the declaration: one a session and the other not, or
   * the two durations more than a quarter of the declared one apart. A retention that is only a
   * note says no duration to compare with.
   */
  static boolean changed(Retention declared, Long observedSeconds) {
    if (declared == null || declared.unit() == null) {
      return false;
    }
    boolean declaredSession = declared.unit() == Retention.Unit.SESSION;
    if (declaredSession || observedSeconds == null) {
      return declaredSession != (observedSeconds == null);
    }
    long expected = secondsOf(declared).orElseThrow();
    return Math.abs(observedSeconds - expected) * 4 > expected;
  }

  private static Retention capped(long amount, Retention.Unit unit) {
    return Retention.of((int) Math.min(Math.max(amount, 1), Retention.MAX_AMOUNT), unit);
  }
}
