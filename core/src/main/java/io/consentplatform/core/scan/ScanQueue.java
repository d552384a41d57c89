package io.consentplatform.core.scan;

import io.consentplatform.core.db.DomainJson;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.webhook.WebhookEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The scan queue that every instance shares, in the {@code scan} table. One scan runs once: an
 * instance claims it with {@code FOR UPDATE SKIP LOCKED}, so two instances asking at once never get
 * the same one; a running scan whose heartbeat stopped for {@code consent.scanner.stale-after} (its
 * instance died) is claimed again. Every write of a claim names the instance and the attempt, so an
 * instance that was taken over cannot overwrite its successor's progress or report.
 *
 * <p>Runs under the platform's own role, across tenants: the queue serves every tenant's scans.
 */
@ApplicationScoped
class ScanQueue {

  /** A scan taken over this many times without finishing is failed: it kills its instances. */
  static final int MAX_ATTEMPTS = 3;

  /** The key of the transaction-level advisory lock under which scheduled scans are queued. */
  private static final long SCHEDULE_LOCK = 0x5ca9_5c4e_d01eL;

  /** What one instance holds: a scan, and which of its attempts. */
  record Claim(long scanId, int attempt, String instance) {}

  private final EntityManager entityManager;

  ScanQueue(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Claims the oldest queued scan, or a running one whose instance stopped beating for {@code
   * staleAfter}; empty when none waits. Scans of archived sites are failed instead of run.
   */
  Optional<Claim> claim(String instance, Duration staleAfter) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              failHopeless(staleAfter);
              @SuppressWarnings("unchecked")
              List<Object[]> claimed =
                  entityManager
                      .createNativeQuery(
                          """
                          update scan set status = 'RUNNING', claimed_by = ?1,
                                 attempts = attempts + 1, heartbeat_at = now(),
                                 started_at = now(), current_pass = null, pages_visited = 0
                           where id = (select c.id from scan c
                                        where c.status = 'QUEUED'
                                           or (c.status = 'RUNNING'
                                               and c.heartbeat_at < now() - make_interval(secs => ?2))
                                        order by c.created_at, c.id
                                        limit 1
                                        for update skip locked)
                          returning id, attempts
                          """)
                      .setParameter(1, instance)
                      .setParameter(2, (double) staleAfter.toMillis() / 1000)
                      .getResultList();
              if (claimed.isEmpty()) {
                return Optional.<Claim>empty();
              }
              Object[] row = claimed.get(0);
              return Optional.of(
                  new Claim(((Number) row[0]).longValue(), ((Number) row[1]).intValue(), instance));
            });
  }

  /**
   * Says the claim is alive, with its progress; false when another instance took the scan over (or
   * it ended), so its holder knows its work will not be kept.
   */
  boolean beat(Claim claim, Pass pass, Integer pagesVisited) {
    return QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            """
                            update scan set heartbeat_at = now(),
                                   current_pass = coalesce(?4, current_pass),
                                   pages_visited = coalesce(?5, pages_visited)
                             where id = ?1 and claimed_by = ?2 and attempts = ?3
                               and status = 'RUNNING'
                            """)
                        .setParameter(1, claim.scanId())
                        .setParameter(2, claim.instance())
                        .setParameter(3, claim.attempt())
                        .setParameter(4, pass == null ? null : pass.name())
                        .setParameter(5, pagesVisited)
                        .executeUpdate())
        == 1;
  }

  /** Stores the report of a finished scan; false when the claim was lost meanwhile. */
  boolean finish(Claim claim, ScanReport report) {
    String reportJson = json(report);
    String countsJson = json(report.counts());
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                            .createNativeQuery(
                                """
                            update scan set status = 'DONE', finished_at = now(),
                                   heartbeat_at = now(), report = cast(?4 as jsonb),
                                   counts = cast(?5 as jsonb), failure = null
                             where id = ?1 and claimed_by = ?2 and attempts = ?3
                               and status = 'RUNNING'
                            """)
                            .setParameter(1, claim.scanId())
                            .setParameter(2, claim.instance())
                            .setParameter(3, claim.attempt())
                            .setParameter(4, reportJson)
                            .setParameter(5, countsJson)
                            .executeUpdate()
                        == 1
                    && emitCompleted(claim.scanId()));
  }

  /** Records why a claimed scan could not run; false when the claim was lost meanwhile. */
  boolean fail(Claim claim, String failure) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                            .createNativeQuery(
                                """
                            update scan set status = 'FAILED', finished_at = now(),
                                   heartbeat_at = now(), failure = ?4
                             where id = ?1 and claimed_by = ?2 and attempts = ?3
                               and status = 'RUNNING'
                            """)
                            .setParameter(1, claim.scanId())
                            .setParameter(2, claim.instance())
                            .setParameter(3, claim.attempt())
                            .setParameter(4, shorten(failure))
                            .executeUpdate()
                        == 1
                    && emitCompleted(claim.scanId()));
  }

  /**
   * Queues a scheduled scan of every site that is due: not archived, with a schedule, with a domain
   * or a reach, and whose last scan (or, never scanned, its creation) is older than its schedule's
   * interval. Instances run this at the same time without queuing any scan twice: one at a time
   * under an advisory lock, and the unique index of active scans behind it.
   *
   * @return how many scans were queued
   */
  int enqueueDue(int defaultPageCap) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Boolean locked =
                  (Boolean)
                      entityManager
                          .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                          .setParameter(1, SCHEDULE_LOCK)
                          .getSingleResult();
              if (!Boolean.TRUE.equals(locked)) {
                return 0; // another instance is queuing them right now
              }
              return entityManager
                  .createNativeQuery(
                      """
                      insert into scan (tenant_id, site_id, status, trigger, requested_by, page_cap)
                      select s.tenant_id, s.id, 'QUEUED', 'SCHEDULED', 'schedule',
                             least(coalesce(s.scan_page_cap, ?1), coalesce(p.max_pages_per_scan, ?1))
                        from site s
                        join tenant t on t.id = s.tenant_id
                        join plan p on p.code = t.plan
                       where s.archived_at is null
                         -- a plan without the scanner, or with its month's scans used, skips them
                         and p.features @> '["scanner"]'
                         and (p.max_scans_per_month is null
                              or p.max_scans_per_month > (select count(*) from scan m
                                   where m.tenant_id = s.tenant_id
                                     and m.created_at >= date_trunc('month', now() at time zone 'UTC')
                                                          at time zone 'UTC'))
                         and s.scan_schedule <> 'OFF'
                         and jsonb_array_length(s.domains) > 0
                         and greatest(s.created_at,
                                      (select max(c.created_at) from scan c where c.site_id = s.id))
                             < now() - case s.scan_schedule when 'WEEKLY' then interval '7 days'
                                                            else interval '30 days' end
                      on conflict (site_id) where status in ('QUEUED', 'RUNNING') do nothing
                      """)
                  .setParameter(1, defaultPageCap)
                  .executeUpdate();
            });
  }

  /**
   * Queues the {@code scan.completed} webhook of a scan that just finished or failed, in the
   * transaction that says so: the outcome and its event commit together. Returns true.
   */
  private boolean emitCompleted(long scanId) {
    entityManager
        .createNativeQuery(
            """
            select webhook_emit(s.tenant_id, s.id, ?2,
                   to_char(c.finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                   jsonb_build_object('site', s.site_key, 'scanId', c.id, 'status', c.status,
                                      'trigger', c.trigger, 'counts', c.counts,
                                      'failure', c.failure)::text)
              from scan c join site s on s.id = c.site_id
             where c.id = ?1
            """)
        .setParameter(1, scanId)
        .setParameter(2, WebhookEvents.SCAN_COMPLETED)
        .getResultList();
    return true;
  }

  /** Fails the stale scans that have been taken over too often: they kill whoever runs them. */
  private void failHopeless(Duration staleAfter) {
    entityManager
        .createNativeQuery(
            """
            update scan set status = 'FAILED', finished_at = now(),
                   failure = 'The scan stopped its instance ' || attempts || ' times; it was given up'
             where status = 'RUNNING' and attempts >= ?1
               and heartbeat_at < now() - make_interval(secs => ?2)
            """)
        .setParameter(1, MAX_ATTEMPTS)
        .setParameter(2, (double) staleAfter.toMillis() / 1000)
        .executeUpdate();
  }

  private static String json(Object value) {
    try {
      return DomainJson.mapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A scan report that cannot be written as JSON", e);
    }
  }

  private static String shorten(String failure) {
    String text = failure == null || failure.isBlank() ? "The scan failed" : failure;
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }
}
