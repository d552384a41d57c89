package io.consentplatform.core.scan;

import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.scan.report.ScanReport.ScanCounts;
import java.time.Instant;

/**
 * A scan as tenants see it: its state and progress, and once done its figures and report.
 *
 * @param requestedBy who asked, as people read it (their e-mail; the audit trail keeps their
 *     qualified subject); {@code schedule} for the schedule
 * @param pageCap the most pages one pass visits
 * @param currentPass the pass running now (or last run); null before the first page
 * @param pagesVisited pages done in the current pass, out of {@code pageCap}
 * @param failure why it failed, for a failed scan
 * @param counts the report's figures, once done
 * @param report the report, once done; left out of lists
 */
public record ScanView(
    long id,
    long siteId,
    String siteKey,
    ScanStatus status,
    ScanTrigger trigger,
    String requestedBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    int pageCap,
    Pass currentPass,
    int pagesVisited,
    String failure,
    ScanCounts counts,
    ScanReport report) {

  static ScanView of(Scan scan, boolean withReport) {
    return new ScanView(
        scan.id,
        scan.site.id,
        scan.site.key,
        scan.status,
        scan.trigger,
        scan.requestedBy,
        scan.createdAt,
        scan.startedAt,
        scan.finishedAt,
        scan.pageCap,
        scan.currentPass,
        scan.pagesVisited,
        scan.failure,
        scan.counts,
        withReport ? scan.report : null);
  }

  /** The same view without its report, as lists show it. */
  public ScanView summary() {
    return new ScanView(
        id,
        siteId,
        siteKey,
        status,
        trigger,
        requestedBy,
        createdAt,
        startedAt,
        finishedAt,
        pageCap,
        currentPass,
        pagesVisited,
        failure,
        counts,
        null);
  }
}
