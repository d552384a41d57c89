package io.consentplatform.core.scan;

/** Where a scan is in its life: waiting for an instance, running on one, or finished. */
public enum ScanStatus {
  QUEUED,
  RUNNING,
  DONE,
  FAILED;

  /** Whether it still occupies its site: a site has at most one queued or running scan. */
  public boolean active() {
    return this == QUEUED || this == RUNNING;
  }
}
