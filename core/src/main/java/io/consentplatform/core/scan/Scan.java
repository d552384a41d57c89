package io.consentplatform.core.scan;

import io.consentplatform.core.db.DomainEntity;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.scan.report.ScanReport.ScanCounts;
import io.consentplatform.core.site.Site;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One scan of a site: queued, claimed and run by an instance ({@link ScanQueue}), then its report
 * or why it failed. Kept as the site's scan history.
 */
@Entity
public class Scan extends DomainEntity {

  /** The most scans a list shows. */
  static final int LIST_LIMIT = 50;

  @Column(name = "tenant_id")
  public long tenantId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "site_id")
  public Site site;

  @Enumerated(EnumType.STRING)
  public ScanStatus status = ScanStatus.QUEUED;

  @Enumerated(EnumType.STRING)
  public ScanTrigger trigger;

  @Column(name = "requested_by")
  public String requestedBy;

  @Column(name = "created_at", updatable = false)
  public Instant createdAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  @Column(name = "heartbeat_at")
  public Instant heartbeatAt;

  @Column(name = "claimed_by")
  public String claimedBy;

  public int attempts;

  @Column(name = "page_cap")
  public int pageCap;

  @Enumerated(EnumType.STRING)
  @Column(name = "current_pass")
  public Pass currentPass;

  @Column(name = "pages_visited")
  public int pagesVisited;

  public String failure;

  @JdbcTypeCode(SqlTypes.JSON)
  public ScanCounts counts;

  // Lazy: lists and the dashboard read many scans and none of their reports.
  @Basic(fetch = FetchType.LAZY)
  @JdbcTypeCode(SqlTypes.JSON)
  public ScanReport report;

  /** The site's scans, newest first, at most {@link #LIST_LIMIT}. */
  static List<Scan> listForSite(Site site) {
    return find("site = ?1 order by createdAt desc, id desc", site).page(0, LIST_LIMIT).list();
  }

  /** The site's queued or running scan, if any. */
  static Optional<Scan> activeForSite(Site site) {
    return find("site = ?1 and status in ?2", site, List.of(ScanStatus.QUEUED, ScanStatus.RUNNING))
        .firstResultOptional();
  }

  /** The site's newest finished scan with a report. */
  static Optional<Scan> latestDone(Site site) {
    return find(
            "site = ?1 and status = ?2 order by finishedAt desc, id desc", site, ScanStatus.DONE)
        .firstResultOptional();
  }
}
