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
   * A retention that says an observed lifetime in the largest unit that fits it well: whole years
   * from about a year on, else months from about a month, else days, hours or minutes; a session
   * for a session cookie (null).
   */
  public static Retention retentionOf(Long seconds) {
    if (seconds == null) {
      return Retention.session();
    }
    long s = Math.max(seconds, MINUTE);
    if (s >= YEAR - 15 * DAY) {
      return capped(Math.round((double) s / YEAR), Retention.Unit.YEARS);
    }
    if (s >= MONTH - 2 * DAY) {
      return capped(Math.round((double) s / MONTH), Retention.Unit.MONTHS);
    }
    if (s >= DAY) {
      return capped(Math.round((double) s / DAY), Retention.Unit.DAYS);
    }
    if (s >= HOUR) {
      return capped(Math.round((double) s / HOUR), Retention.Unit.HOURS);
    }
    return capped(Math.round((double) s / MINUTE), Retention.Unit.MINUTES);
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
