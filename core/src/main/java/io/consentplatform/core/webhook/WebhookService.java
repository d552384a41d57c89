package io.consentplatform.core.webhook;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.plan.Quotas;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's webhook endpoints: registered, edited, deleted and given a new secret by an owner
 * only, with their delivery history, replays of parked deliveries and test events.
 */
@ApplicationScoped
@TenantScoped
public class WebhookService {

  /** The most endpoints one tenant registers: each costs every event a delivery. */
  static final int MAX_ENDPOINTS = 20;

  /** The most deliveries one page of history shows. */
  public static final int MAX_PAGE = 200;

  private final Audit audit;
  private final WebhookConfig config;
  private final EntityManager entityManager;

  // Field-injected so that the plan's check is one added line in this shared service.
  @Inject Quotas quotas;

  public WebhookService(Audit audit, WebhookConfig config, EntityManager entityManager) {
    this.audit = audit;
    this.config = config;
    this.entityManager = entityManager;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<WebhookView> list(Caller caller) {
    caller.requireToRead(Role.OWNER);
    return WebhookEndpoint.listForTenant(caller.tenantId()).stream().map(WebhookView::of).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public WebhookView get(Caller caller, long endpointId) {
    caller.requireToRead(Role.OWNER);
    return WebhookView.of(endpoint(caller, endpointId));
  }

  /** Registers an endpoint; its secret is in the answer and nowhere else, ever. */
  @Transactional
  public CreatedWebhook create(Caller caller, @Valid @NotNull WebhookEdit edit) {
    caller.require(Role.OWNER);
    quotas.allowWebhooks(caller);
    if (WebhookEndpoint.count("tenantId", caller.tenantId()) >= MAX_ENDPOINTS) {
      throw new Conflict("A tenant has at most " + MAX_ENDPOINTS + " webhook endpoints");
    }
    WebhookEndpoint endpoint = new WebhookEndpoint();
    endpoint.tenantId = caller.tenantId();
    endpoint.enabled = edit.enabled() == null || edit.enabled();
    apply(caller, endpoint, edit);
    endpoint.secret = WebhookSigner.newSecret();
    endpoint.createdAt = now();
    endpoint.subscribedAt = endpoint.createdAt;
    endpoint.persist();
    WebhookView view = WebhookView.of(endpoint);
    audit.record(caller, "create", "webhook", endpoint.id, null, view);
    return new CreatedWebhook(view, endpoint.secret);
  }

  /**
   * Changes an endpoint. When what it wants changes, or it is enabled again, it receives decisions
   * from then on: what happened while it did not want them is not sent.
   */
  @Transactional
  public WebhookView update(Caller caller, long endpointId, @Valid @NotNull WebhookEdit edit) {
    caller.require(Role.OWNER);
    WebhookEndpoint endpoint = endpoint(caller, endpointId);
    WebhookView before = WebhookView.of(endpoint);
    boolean wasEnabled = endpoint.enabled;
    List<String> events = List.copyOf(endpoint.events);
    List<Long> sites = List.copyOf(endpoint.siteIds);
    apply(caller, endpoint, edit);
    if (edit.enabled() != null) {
      endpoint.enabled = edit.enabled();
    }
    if (endpoint.enabled && !wasEnabled) {
      quotas.allowWebhooks(caller);
    }
    if (endpoint.enabled) {
      endpoint.disabledReason = null;
    }
    if ((endpoint.enabled && !wasEnabled)
        || !events.equals(endpoint.events)
        || !sites.equals(endpoint.siteIds)) {
      endpoint.subscribedAt = now();
      entityManager
          .createNativeQuery("delete from webhook_cursor where endpoint_id = ?1")
          .setParameter(1, endpoint.id)
          .executeUpdate();
    }
    WebhookView after = WebhookView.of(endpoint);
    audit.record(caller, "update", "webhook", endpoint.id, before, after);
    return after;
  }

  /** Deletes an endpoint with its history; what it was still owed is not sent. */
  @Transactional
  public void delete(Caller caller, long endpointId) {
    caller.require(Role.OWNER);
    WebhookEndpoint endpoint = endpoint(caller, endpointId);
    WebhookView before = WebhookView.of(endpoint);
    entityManager
        .createNativeQuery("delete from webhook_delivery where endpoint_id = ?1")
        .setParameter(1, endpoint.id)
        .executeUpdate();
    entityManager
        .createNativeQuery("delete from webhook_cursor where endpoint_id = ?1")
        .setParameter(1, endpoint.id)
        .executeUpdate();
    endpoint.delete();
    audit.record(caller, "delete", "webhook", endpointId, before, null);
  }

  /**
   * Replaces the secret; deliveries are signed with the new one from now on. The answer is the only
   * place it appears.
   */
  @Transactional
  public CreatedWebhook rotateSecret(Caller caller, long endpointId) {
    caller.require(Role.OWNER);
    WebhookEndpoint endpoint = endpoint(caller, endpointId);
    endpoint.secret = WebhookSigner.newSecret();
    WebhookView view = WebhookView.of(endpoint);
    audit.record(caller, "rotate-secret", "webhook", endpoint.id, null, null);
    return new CreatedWebhook(view, endpoint.secret);
  }

  /** The endpoint's deliveries, newest first; only those of {@code status} when given. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DeliveryView> deliveries(Caller caller, long endpointId, String status, int limit) {
    caller.requireToRead(Role.OWNER);
    endpoint(caller, endpointId);
    if (status != null && !List.of("PENDING", "DELIVERED", "PARKED").contains(status)) {
      throw new Rejected("status", "One of PENDING, DELIVERED, PARKED");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new Rejected("limit", "Between 1 and " + MAX_PAGE);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, message_id, event_type, site_id, status, attempts, next_attempt_at,"
                    + " last_attempt_at, last_status, last_error, created_at, delivered_at"
                    + " from webhook_delivery where endpoint_id = ?1"
                    + " and (cast(?2 as text) is null or status = ?2)"
                    + " order by created_at desc, id desc limit ?3")
            .setParameter(1, endpointId)
            .setParameter(2, status)
            .setParameter(3, limit)
            .getResultList();
    List<DeliveryView> views = new ArrayList<>();
    for (Object[] row : rows) {
      views.add(
          new DeliveryView(
              ((Number) row[0]).longValue(),
              (String) row[1],
              (String) row[2],
              row[3] == null ? null : ((Number) row[3]).longValue(),
              (String) row[4],
              ((Number) row[5]).intValue(),
              "PENDING".equals(row[4]) ? instant(row[6]) : null,
              instant(row[7]),
              row[8] == null ? null : ((Number) row[8]).intValue(),
              (String) row[9],
              instant(row[10]),
              instant(row[11])));
    }
    return views;
  }

  /**
   * Sends a parked delivery again, with the same {@code webhook-id} (it is the same event) and a
   * fresh schedule of retries.
   *
   * @throws Conflict when the delivery is not parked
   */
  @Transactional
  public void replay(Caller caller, long endpointId, long deliveryId) {
    caller.require(Role.OWNER);
    endpoint(caller, endpointId);
    int replayed =
        entityManager
            .createNativeQuery(
                "update webhook_delivery set status = 'PENDING', attempts = 0,"
                    + " next_attempt_at = now(), claimed_by = null, claimed_until = null"
                    + " where id = ?1 and endpoint_id = ?2 and status = 'PARKED'")
            .setParameter(1, deliveryId)
            .setParameter(2, endpointId)
            .executeUpdate();
    if (replayed == 0) {
      Number exists =
          (Number)
              entityManager
                  .createNativeQuery(
                      "select count(*) from webhook_delivery where id = ?1 and endpoint_id = ?2")
                  .setParameter(1, deliveryId)
                  .setParameter(2, endpointId)
                  .getSingleResult();
      if (exists.longValue() == 0) {
        throw new NotFound("Delivery " + deliveryId);
      }
      throw new Conflict("Delivery " + deliveryId + " is not parked: only parked ones replay");
    }
    audit.record(caller, "replay", "webhook-delivery", deliveryId, null, null);
  }

  /** Queues a {@code webhook.test} event for this endpoint alone, whatever it asks for. */
  @Transactional
  public void sendTest(Caller caller, long endpointId) {
    caller.require(Role.OWNER);
    WebhookEndpoint endpoint = endpoint(caller, endpointId);
    Instant now = now();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("endpointId", endpoint.id);
    data.put("message", "A test event, sent from the consent platform");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", WebhookEvents.TEST);
    body.put("timestamp", now.toString());
    body.put("data", data);
    entityManager
        .createNativeQuery(
            "insert into webhook_delivery (endpoint_id, tenant_id, message_id, event_type, body,"
                + " next_attempt_at) values (?1, ?2, 'msg_' || replace(gen_random_uuid()::text,"
                + " '-', ''), ?3, ?4, now())")
        .setParameter(1, endpoint.id)
        .setParameter(2, endpoint.tenantId)
        .setParameter(3, WebhookEvents.TEST)
        .setParameter(4, WebhookOutbox.json(body))
        .executeUpdate();
  }

  /** Checks and copies what the tenant chose: one rule for the API and the back office. */
  private void apply(Caller caller, WebhookEndpoint endpoint, WebhookEdit edit) {
    endpoint.url = WebhookUrls.checked(edit.url(), config.allowPrivateNetworks()).toString();
    endpoint.description =
        edit.description() == null || edit.description().isBlank()
            ? null
            : edit.description().strip();
    List<String> events = new ArrayList<>();
    for (String event : edit.events()) {
      if (!WebhookEvents.ALL.contains(event)) {
        throw new Rejected("events", "Unknown event " + event + "; one of " + WebhookEvents.ALL);
      }
      if (!events.contains(event)) {
        events.add(event);
      }
    }
    List<Long> sites = new ArrayList<>();
    for (Long siteId : edit.siteIds() == null ? List.<Long>of() : edit.siteIds()) {
      // Another tenant's site is not one of the caller's: the same answer as an unknown id.
      if (Site.count("id = ?1 and tenant.id = ?2", siteId, caller.tenantId()) == 0) {
        throw new Rejected("siteIds", "Site " + siteId + " is not one of yours");
      }
      if (!sites.contains(siteId)) {
        sites.add(siteId);
      }
    }
    endpoint.events = events;
    endpoint.siteIds = sites;
  }

  private static WebhookEndpoint endpoint(Caller caller, long endpointId) {
    return WebhookEndpoint.<WebhookEndpoint>find(
            "id = ?1 and tenantId = ?2", endpointId, caller.tenantId())
        .firstResultOptional()
        .orElseThrow(() -> new NotFound("Webhook " + endpointId));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
