package io.consentplatform.core.scan;

/**
 * Visits a site in a real browser and tells what it stored: the engine behind a scan. It knows
 * nothing of declarations or classification; the report is made from what it returns.
 */
public interface SiteScanner {

  /** Whether this instance can scan (a browser was found and scanning is enabled). */
  boolean available();

  /**
   * Runs the passes of one scan and returns what they observed. Blocks until done; the browser it
   * started is gone when this returns, whatever happened.
   *
   * @throws ScanFailed when the scan could not run at all (no browser, timeout before any page)
   */
  ScanObservations scan(ScanTarget target, ScanProgress progress);
}
