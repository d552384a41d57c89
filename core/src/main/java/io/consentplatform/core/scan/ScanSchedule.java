package io.consentplatform.core.scan;

import java.time.Duration;

/** How often a site is scanned without anyone asking. */
public enum ScanSchedule {
  OFF(null),
  WEEKLY(Duration.ofDays(7)),
  MONTHLY(Duration.ofDays(30));

  private final Duration interval;

  ScanSchedule(Duration interval) {
    this.interval = interval;
  }

  /** The time after a site's last scan at which the next is due; null when never. */
  public Duration interval() {
    return interval;
  }
}
