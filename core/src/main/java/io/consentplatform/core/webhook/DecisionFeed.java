package io.consentplatform.core.webhook;

import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.db.DomainJson;
import io.consentplatform.core.region.Experience;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads decisions from the ledger, which is their outbox: each site's sealed entries, gap-free in
 * {@code seq} order, after the cursor of each (endpoint, site), become deliveries of {@code
 * consent.recorded} or {@code consent.withdrawn}, and the cursor moves past them in the same
 * transaction. Recording a decision stays one write; deliveries lag by the sealing delay.
 *
 * <p>Runs under the platform's own role, across tenants, like the ledger sealer; instances share
 * the cursors through {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
class DecisionFeed {

  /** Entries read per cursor per round: a backlog drains over several rounds. */
  static final int BATCH = 500;

  private static final String CONSENT_EVENTS =
      // @> rather than the ? operator, which Hibernate would take for a parameter.
      "(e.events @> '[\"consent.recorded\"]' or e.events @> '[\"consent.withdrawn\"]')";

  private final EntityManager entityManager;

  DecisionFeed(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Turns the ledger entries that wait into deliveries; returns how many were queued. */
  int advance() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              startCursors();
              @SuppressWarnings("unchecked")
              List<Object[]> cursors =
                  entityManager
                      .createNativeQuery(
                          "select c.endpoint_id, c.site_id, c.last_seq, e.tenant_id,"
                              + " e.events::text from webhook_cursor c"
                              + " join webhook_endpoint e on e.id = c.endpoint_id"
                              + " where e.enabled and "
                              + CONSENT_EVENTS
                              + " and exists (select 1 from consent_ledger l"
                              + " where l.site_id = c.site_id and l.seq > c.last_seq)"
                              + " order by c.endpoint_id, c.site_id limit 100"
                              + " for update of c skip locked")
                      .getResultList();
              int queued = 0;
              for (Object[] cursor : cursors) {
                queued +=
                    feed(
                        ((Number) cursor[0]).longValue(),
                        ((Number) cursor[1]).longValue(),
                        ((Number) cursor[2]).longValue(),
                        ((Number) cursor[3]).longValue(),
                        (String) cursor[4]);
              }
              return queued;
            });
  }

  /**
   * A cursor for every (endpoint, site) that wants decisions and has none yet, after the entries
   * sealed before the endpoint asked for them: an endpoint receives what happens from then on.
   */
  private void startCursors() {
    entityManager
        .createNativeQuery(
            "insert into webhook_cursor (endpoint_id, site_id, last_seq)"
                + " select e.id, s.id, coalesce((select max(l.seq) from consent_ledger l"
                + " where l.site_id = s.id and l.sealed_at < e.subscribed_at), 0)"
                + " from webhook_endpoint e join site s on s.tenant_id = e.tenant_id"
                + " where e.enabled and "
                + CONSENT_EVENTS
                + " and (jsonb_array_length(e.site_ids) = 0 or e.site_ids @> to_jsonb(s.id))"
                + " and not exists (select 1 from webhook_cursor c"
                + " where c.endpoint_id = e.id and c.site_id = s.id)"
                + " on conflict do nothing")
        .executeUpdate();
  }

  private int feed(long endpointId, long siteId, long lastSeq, long tenantId, String eventsJson) {
    @SuppressWarnings("unchecked")
    List<Object[]> entries =
        entityManager
            .createNativeQuery(
                "select l.seq, r.id, r.visitor_id, v.number, v.content_hash, r.action, r.method,"
                    + " r.choices::text, r.language, r.gpc, r.recorded_at, r.region,"
                    + " r.experience, s.site_key"
                    + " from consent_ledger l join site s on s.id = l.site_id"
                    + " left join consent_record r on r.id = l.record_id"
                    + " left join policy_version v on v.id = r.policy_version_id"
                    + " where l.site_id = ?1 and l.seq > ?2 order by l.seq limit "
                    + BATCH)
            .setParameter(1, siteId)
            .setParameter(2, lastSeq)
            .getResultList();
    List<String> wanted = events(eventsJson);
    int queued = 0;
    long seq = lastSeq;
    for (Object[] entry : entries) {
      seq = ((Number) entry[0]).longValue();
      if (entry[1] == null) {
        continue; // the visitor's records were erased: nothing of them is sent
      }
      String type =
          ConsentAction.valueOf((String) entry[5]) == ConsentAction.WITHDRAW
              ? WebhookEvents.CONSENT_WITHDRAWN
              : WebhookEvents.CONSENT_RECORDED;
      if (!wanted.contains(type)) {
        continue;
      }
      OffsetDateTime recordedAt = recordedAt(entry[10]);
      String body = body(type, recordedAt, entry, seq);
      queued +=
          entityManager
              .createNativeQuery(
                  "insert into webhook_delivery (endpoint_id, tenant_id, site_id, message_id,"
                      + " event_type, seq, body, next_attempt_at)"
                      + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())"
                      + " on conflict (endpoint_id, message_id) do nothing")
              .setParameter(1, endpointId)
              .setParameter(2, tenantId)
              .setParameter(3, siteId)
              .setParameter(4, "msg_" + entry[1].toString().replace("-", ""))
              .setParameter(5, type)
              .setParameter(6, seq)
              .setParameter(7, body)
              .executeUpdate();
    }
    entityManager
        .createNativeQuery(
            "update webhook_cursor set last_seq = ?3 where endpoint_id = ?1 and site_id = ?2")
        .setParameter(1, endpointId)
        .setParameter(2, siteId)
        .setParameter(3, seq)
        .executeUpdate();
    return queued;
  }

  /**
   * The body of a decision's delivery: the record as the tenant's consent log shows it (no address,
   * no user agent), with its site and its place in the site's ledger.
   */
  private static String body(String type, OffsetDateTime recordedAt, Object[] entry, long seq) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("site", entry[13]);
    data.put("seq", seq);
    data.put("consentId", entry[1].toString());
    data.put("visitorId", entry[2] == null ? null : entry[2].toString());
    data.put("version", entry[3]);
    data.put("versionHash", entry[4]);
    data.put("action", ConsentAction.valueOf((String) entry[5]).wireName());
    data.put("method", ConsentMethod.valueOf((String) entry[6]).wireName());
    data.put("choices", choices((String) entry[7]));
    data.put("language", entry[8]);
    data.put("gpc", entry[9]);
    data.put("recordedAt", recordedAt.toInstant().toString());
    data.put("region", entry[11]);
    data.put(
        "experience", entry[12] == null ? null : Experience.valueOf((String) entry[12]).wireName());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("timestamp", recordedAt.toInstant().toString());
    body.put("data", data);
    return WebhookOutbox.json(body);
  }

  private static Object choices(String json) {
    try {
      return DomainJson.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A stored record's choices are JSON", e);
    }
  }

  private static OffsetDateTime recordedAt(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset;
    }
    if (value instanceof java.time.Instant instant) {
      return instant.atOffset(java.time.ZoneOffset.UTC);
    }
    return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
  }

  private static List<String> events(String json) {
    try {
      return List.of(DomainJson.mapper().readValue(json, String[].class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Stored events are a JSON array", e);
    }
  }
}
