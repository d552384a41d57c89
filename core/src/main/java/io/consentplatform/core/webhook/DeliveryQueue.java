package io.consentplatform.core.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliveries every instance shares, in {@code webhook_delivery}. An instance claims due ones
 * with {@code FOR UPDATE SKIP LOCKED}, so two instances never send the same one at once; a claim
 * runs out after a while, so the deliveries of an instance that died are sent by another. Every
 * write of an outcome names the claimer, so a late answer cannot overwrite a successor's.
 *
 * <p>A decision is claimable only when no earlier decision of its site waits for the same endpoint:
 * each endpoint receives a site's decisions in ledger order.
 *
 * <p>Runs under the platform's own role, across tenants.
 */
@ApplicationScoped
class DeliveryQueue {

  /** A claimed delivery with what it takes to send it. */
  record Claimed(
      long id,
      long endpointId,
      String url,
      String secret,
      String messageId,
      String body,
      int attempts) {}

  private final EntityManager entityManager;

  DeliveryQueue(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Claims up to {@code limit} due deliveries for {@code holdFor}; empty when none is due. */
  List<Claimed> claim(String instance, int limit, Duration holdFor) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  entityManager
                      .createNativeQuery(
                          """
                          with claimed as (
                            update webhook_delivery d
                               set claimed_by = ?1,
                                   claimed_until = now() + make_interval(secs => ?2)
                             where d.id in (
                               select c.id from webhook_delivery c
                                 join webhook_endpoint e on e.id = c.endpoint_id
                                where c.status = 'PENDING' and c.next_attempt_at <= now()
                                  and e.enabled
                                  and (c.claimed_until is null or c.claimed_until < now())
                                  and (c.seq is null or not exists (
                                        select 1 from webhook_delivery p
                                         where p.endpoint_id = c.endpoint_id
                                           and p.site_id = c.site_id
                                           and p.seq < c.seq and p.status = 'PENDING'))
                                order by c.next_attempt_at, c.id
                                limit ?3
                                for update of c skip locked)
                            returning d.id, d.endpoint_id, d.message_id, d.body, d.attempts)
                          select c.id, c.endpoint_id, e.url, e.secret, c.message_id, c.body,
                                 c.attempts
                            from claimed c join webhook_endpoint e on e.id = c.endpoint_id
                           order by c.id
                          """)
                      .setParameter(1, instance)
                      .setParameter(2, (double) holdFor.toMillis() / 1000)
                      .setParameter(3, limit)
                      .getResultList();
              List<Claimed> claimed = new ArrayList<>();
              for (Object[] row : rows) {
                claimed.add(
                    new Claimed(
                        ((Number) row[0]).longValue(),
                        ((Number) row[1]).longValue(),
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5],
                        ((Number) row[6]).intValue()));
              }
              return claimed;
            });
  }

  /** Marks a claimed delivery delivered; false when the claim was lost meanwhile. */
  boolean delivered(Claimed delivery, String instance, int status) {
    return QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            """
                            update webhook_delivery
                               set status = 'DELIVERED', attempts = attempts + 1,
                                   delivered_at = now(), last_attempt_at = now(),
                                   last_status = ?3, last_error = null,
                                   claimed_by = null, claimed_until = null
                             where id = ?1 and claimed_by = ?2 and status = 'PENDING'
                            """)
                        .setParameter(1, delivery.id())
                        .setParameter(2, instance)
                        .setParameter(3, status)
                        .executeUpdate())
        == 1;
  }

  /**
   * Records a failed attempt: the delivery is tried again after {@code retryIn}, or parked when
   * {@code retryIn} is null (its schedule is over).
   */
  boolean failed(
      Claimed delivery, String instance, Integer status, String error, Duration retryIn) {
    return QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            """
                            update webhook_delivery
                               set status = case when ?5 then 'PARKED' else 'PENDING' end,
                                   attempts = attempts + 1, last_attempt_at = now(),
                                   last_status = ?3, last_error = ?4,
                                   next_attempt_at = now() + make_interval(secs => ?6),
                                   claimed_by = null, claimed_until = null
                             where id = ?1 and claimed_by = ?2 and status = 'PENDING'
                            """)
                        .setParameter(1, delivery.id())
                        .setParameter(2, instance)
                        .setParameter(3, status)
                        .setParameter(4, shorten(error))
                        .setParameter(5, retryIn == null)
                        .setParameter(6, retryIn == null ? 0.0 : (double) retryIn.toMillis() / 1000)
                        .executeUpdate())
        == 1;
  }

  /**
   * Disables an endpoint that answered 410 Gone, as the specification advises: its owner enables it
   * again in the back office or the API.
   */
  void disable(long endpointId, String reason) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update webhook_endpoint set enabled = false, disabled_reason = ?2"
                            + " where id = ?1")
                    .setParameter(1, endpointId)
                    .setParameter(2, reason)
                    .executeUpdate());
  }

  private static String shorten(String error) {
    if (error == null) {
      return null;
    }
    return error.length() > 500 ? error.substring(0, 500) : error;
  }
}
