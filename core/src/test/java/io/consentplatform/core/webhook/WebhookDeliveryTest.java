package io.consentplatform.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentLog;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.ledger.LedgerSealer;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Decisions;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.consentplatform.core.testing.WebhookReceiver;
import io.consentplatform.core.testing.WebhookReceiver.Request;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries to a real HTTP receiver on loopback, on a real PostgreSQL: signatures checked
 * by the Standard Webhooks reference library, retries after 500s and a timeout, parking after the
 * (shortened) schedule and replay, nothing for a rolled-back change, decisions in ledger order per
 * site, and deliveries left by an instance that died sent by another.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryTest.Deliveries.class)
@WithTestResource(PostgresResource.class)
class WebhookDeliveryTest {

  /**
   * Loopback allowed (the receiver is local), a one-second timeout, two retries 100 ms apart, and
   * the instance's own poll off: the tests drive the worker themselves.
   */
  public static class Deliveries implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "consent.webhooks.enabled", "false",
          "consent.webhooks.allow-private-networks", "true",
          "consent.webhooks.timeout", "1s",
          "consent.webhooks.retry-schedule", "100ms,100ms",
          "consent.scanner.enabled", "false");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebhookReceiver receiver;

  @Inject WebhookService webhooks;
  @Inject WebhookWorker worker;
  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;
  @Inject DataSource dataSource;

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void shouldDeliverAPublishedPolicySignedAsTheSpecificationSays() throws Exception {
    long siteId = SiteFixture.create("hook-publish");
    Caller owner = owner(siteId);
    CreatedWebhook created = register(owner, "/publish", List.of("policy.published"), null);

    policies.publish(siteId, "test");
    worker.deliverDue();

    List<Request> requests = receiver.received("/publish");
    assertEquals(1, requests.size());
    Request request = requests.get(0);
    verify(created.secret(), request);
    assertEquals("application/json", request.header("content-type"));
    assertTrue(
        request.header("webhook-id").matches("msg_[0-9a-f]{32}"), request.header("webhook-id"));
    JsonNode body = JSON.readTree(request.body());
    assertEquals("policy.published", body.get("type").asText());
    assertEquals("hook-publish", body.get("data").get("site").asText());
    assertEquals(1, body.get("data").get("version").asInt());
    assertNotNull(body.get("timestamp").asText());
    DeliveryView delivery = webhooks.deliveries(owner, created.endpoint().id(), null, 10).get(0);
    assertEquals("DELIVERED", delivery.status());
    assertEquals(1, delivery.attempts());
    assertEquals(204, delivery.lastStatus());
  }

  @Test
  void shouldRetryAfterServerErrorsAndATimeoutWithTheSameId() throws Exception {
    long siteId = SiteFixture.create("hook-retry");
    Caller owner = owner(siteId);
    CreatedWebhook created = register(owner, "/retry", List.of("policy.published"), null);
    receiver.plan("/retry", 500, -1, 200);

    policies.publish(siteId, "test");
    worker.deliverDue();
    DeliveryView first = webhooks.deliveries(owner, created.endpoint().id(), null, 10).get(0);
    assertEquals("PENDING", first.status());
    assertEquals(500, first.lastStatus());
    assertNotNull(first.nextAttemptAt());
    deliverAfterTheRetryWait();
    DeliveryView second = webhooks.deliveries(owner, created.endpoint().id(), null, 10).get(0);
    assertEquals("PENDING", second.status());
    assertNull(second.lastStatus(), "a timeout has no status");
    assertTrue(second.lastError().startsWith("No answer within"), second.lastError());
    deliverAfterTheRetryWait();

    List<Request> requests = receiver.received("/retry");
    assertEquals(3, requests.size());
    for (Request request : requests) {
      verify(created.secret(), request);
      assertEquals(requests.get(0).header("webhook-id"), request.header("webhook-id"));
    }
    DeliveryView done = webhooks.deliveries(owner, created.endpoint().id(), null, 10).get(0);
    assertEquals("DELIVERED", done.status());
    assertEquals(3, done.attempts());
    assertEquals(200, done.lastStatus());
  }

  @Test
  void shouldParkAfterTheLastRetryAndDeliverAReplay() throws Exception {
    long siteId = SiteFixture.create("hook-park");
    Caller owner = owner(siteId);
    CreatedWebhook created = register(owner, "/park", List.of("policy.published"), null);
    long endpointId = created.endpoint().id();
    receiver.plan("/park", 500, 502, 503);

    policies.publish(siteId, "test");
    worker.deliverDue();
    deliverAfterTheRetryWait();
    deliverAfterTheRetryWait();
    deliverAfterTheRetryWait();

    assertEquals(3, receiver.received("/park").size(), "the first attempt and two retries");
    List<DeliveryView> parked = webhooks.deliveries(owner, endpointId, "PARKED", 10);
    assertEquals(1, parked.size());
    assertEquals(3, parked.get(0).attempts());
    assertEquals(503, parked.get(0).lastStatus());
    assertNull(parked.get(0).nextAttemptAt());
    assertThrows(
        NotFound.class, () -> webhooks.replay(owner, endpointId, parked.get(0).id() + 100_000));

    webhooks.replay(owner, endpointId, parked.get(0).id());
    worker.deliverDue();

    List<Request> requests = receiver.received("/park");
    assertEquals(4, requests.size());
    verify(created.secret(), requests.get(3));
    assertEquals(requests.get(0).header("webhook-id"), requests.get(3).header("webhook-id"));
    assertEquals("DELIVERED", webhooks.deliveries(owner, endpointId, null, 10).get(0).status());
    assertThrows(Conflict.class, () -> webhooks.replay(owner, endpointId, parked.get(0).id()));
  }

  @Test
  void shouldSendNothingForARolledBackChange() throws Exception {
    long siteId = SiteFixture.create("hook-rollback");
    Caller owner = owner(siteId);
    CreatedWebhook created = register(owner, "/rollback", List.of("policy.published"), null);

    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      policies.publish(siteId, "test");
                      throw new IllegalStateException("the change fails after publishing");
                    }));
    worker.deliverDue();

    assertEquals(0, receiver.received("/rollback").size());
    assertEquals(0, webhooks.deliveries(owner, created.endpoint().id(), null, 10).size());
    assertEquals(0L, count("select count(*) from policy_version where site_id = " + siteId));
  }

  @Test
  void shouldDeliverASitesDecisionsInLedgerOrderWithoutOvertaking() throws Exception {
    long siteId = SiteFixture.create("hook-order");
    Caller owner = owner(siteId);
    policies.publish(siteId, "test");
    CreatedWebhook created =
        register(
            owner, "/order", List.of("consent.recorded", "consent.withdrawn"), List.of(siteId));
    // The first decision fails once: the later ones wait for it rather than overtake it.
    receiver.plan("/order", 500);
    List<String> recorded = new ArrayList<>();
    for (ConsentAction action :
        List.of(
            ConsentAction.ACCEPT_ALL,
            ConsentAction.REJECT_ALL,
            ConsentAction.ACCEPT_ALL,
            ConsentAction.WITHDRAW)) {
      ConsentRecord record = consents.recordDecision("hook-order", Decisions.onBanner(action));
      recorded.add(record.id.toString());
    }
    sealer.sealAll();

    worker.deliverDue();
    assertEquals(1, receiver.received("/order").size(), "only the first, which failed");
    deliverAfterTheRetryWait();

    List<Request> requests = receiver.received("/order");
    assertEquals(5, requests.size());
    List<Long> seqs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Request request : requests.subList(1, 5)) {
      verify(created.secret(), request);
      JsonNode data = JSON.readTree(request.body()).get("data");
      seqs.add(data.get("seq").asLong());
      ids.add(data.get("consentId").asText());
      // What the tenant's consent log shows of a record, with its site and place in the ledger:
      // no address, no user agent.
      Set<String> fields = new HashSet<>();
      data.fieldNames().forEachRemaining(fields::add);
      Set<String> logged = new HashSet<>(ConsentLog.CSV_HEADER);
      logged.addAll(List.of("site", "seq"));
      assertEquals(logged, fields);
    }
    assertEquals(ledgerOrder(siteId), ids, "the ledger's order");
    assertEquals(List.of(1L, 2L, 3L, 4L), seqs);
    assertEquals(List.copyOf(recorded).stream().sorted().toList(), ids.stream().sorted().toList());
    JsonNode last = JSON.readTree(requests.get(4).body());
    assertEquals("consent.withdrawn", last.get("type").asText());
    assertEquals("withdraw", last.get("data").get("action").asText().toLowerCase());
    assertEquals("consent.recorded", JSON.readTree(requests.get(1).body()).get("type").asText());
  }

  @Test
  void shouldAnnounceSignedTreeHeads() throws Exception {
    long siteId = SiteFixture.create("hook-head");
    Caller owner = owner(siteId);
    policies.publish(siteId, "test");
    CreatedWebhook created = register(owner, "/head", List.of("ledger.head"), null);
    consents.recordDecision("hook-head", Decisions.onBanner(ConsentAction.ACCEPT_ALL));
    consents.recordDecision("hook-head", Decisions.onBanner(ConsentAction.REJECT_ALL));
    sealer.sealAll();
    worker.deliverDue();

    List<Request> requests = receiver.received("/head");
    assertFalse(requests.isEmpty());
    Request request = requests.get(requests.size() - 1);
    verify(created.secret(), request);
    JsonNode data = JSON.readTree(request.body()).get("data");
    assertEquals("ledger.head", JSON.readTree(request.body()).get("type").asText());
    assertEquals("hook-head", data.get("site").asText());
    assertEquals(2, data.get("treeSize").asLong());
    assertTrue(data.get("rootHash").asText().matches("[0-9a-f]{64}"));
  }

  @Test
  void shouldSendWhatAnInstanceThatDiedLeftClaimed() throws Exception {
    long siteId = SiteFixture.create("hook-crash");
    Caller owner = owner(siteId);
    CreatedWebhook created = register(owner, "/crash", List.of("policy.published"), null);
    webhooks.sendTest(owner, created.endpoint().id());
    webhooks.sendTest(owner, created.endpoint().id());
    // Two claims of an instance that stopped: one ran out, one is still within its time.
    List<DeliveryView> queued = webhooks.deliveries(owner, created.endpoint().id(), null, 10);
    update(
        "update webhook_delivery set claimed_by = 'dead-instance',"
            + " claimed_until = now() - interval '1 second' where id = "
            + queued.get(0).id());
    update(
        "update webhook_delivery set claimed_by = 'live-instance',"
            + " claimed_until = now() + interval '1 hour' where id = "
            + queued.get(1).id());

    worker.deliverDue();

    List<Request> requests = receiver.received("/crash");
    assertEquals(1, requests.size(), "the claim that ran out, not the live one");
    verify(created.secret(), requests.get(0));
    assertEquals(queued.get(0).messageId(), requests.get(0).header("webhook-id"));
    assertEquals("webhook.test", JSON.readTree(requests.get(0).body()).get("type").asText());
  }

  @Test
  void shouldDisableAnEndpointThatIsGone() throws Exception {
    long siteId = SiteFixture.create("hook-gone");
    Caller owner = owner(siteId);
    CreatedWebhook created = register(owner, "/gone", List.of("policy.published"), null);
    receiver.plan("/gone", 410);
    webhooks.sendTest(owner, created.endpoint().id());
    worker.deliverDue();

    WebhookView endpoint = webhooks.get(owner, created.endpoint().id());
    assertFalse(endpoint.enabled());
    assertTrue(endpoint.disabledReason().contains("410"), endpoint.disabledReason());
    assertEquals(
        "PARKED", webhooks.deliveries(owner, created.endpoint().id(), null, 10).get(0).status());
  }

  @Test
  void shouldLetOnlyOwnersManageEndpoints() {
    long siteId = SiteFixture.create("hook-roles");
    Caller owner = owner(siteId);
    CreatedWebhook created = register(owner, "/roles", List.of("policy.published"), null);
    Caller editor = new Caller(owner.tenantId(), "editor", Role.EDITOR);
    assertThrows(Forbidden.class, () -> webhooks.list(editor));
    assertThrows(
        Forbidden.class,
        () ->
            webhooks.create(
                editor,
                new WebhookEdit(
                    receiver.url("/x"), null, List.of("policy.published"), null, null)));
    assertThrows(Forbidden.class, () -> webhooks.rotateSecret(editor, created.endpoint().id()));
    assertThrows(Forbidden.class, () -> webhooks.delete(editor, created.endpoint().id()));
    assertEquals(1, webhooks.list(owner).size());
  }

  @Test
  void shouldFollowTheScheduleAndHonourALongerRetryAfter() {
    Duration first = worker.retryIn(1, null);
    assertTrue(
        first.compareTo(Duration.ofMillis(100)) >= 0
            && first.compareTo(Duration.ofMillis(120)) <= 0,
        first + ": 100 ms and up to a fifth of jitter");
    assertEquals(Duration.ofSeconds(30), worker.retryIn(2, Duration.ofSeconds(30)));
    assertEquals(Duration.ofDays(1), worker.retryIn(1, Duration.ofDays(3)), "within a day");
    assertNull(worker.retryIn(3, Duration.ofSeconds(30)), "after the last retry: parked");
  }

  private CreatedWebhook register(
      Caller owner, String path, List<String> events, List<Long> sites) {
    return webhooks.create(
        owner, new WebhookEdit(receiver.url(path), "test " + path, events, sites, null));
  }

  /** Waits out a retry (100 ms and up to a fifth of jitter), then delivers what is due. */
  private void deliverAfterTheRetryWait() throws InterruptedException {
    Thread.sleep(250);
    worker.deliverDue();
  }

  /** Checked by the reference library, with the headers exactly as the receiver got them. */
  private static void verify(String secret, Request request) throws Exception {
    new Webhook(secret).verify(request.body(), request.headers());
  }

  private static Caller owner(long siteId) {
    long tenantId =
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).tenant.id);
    return new Caller(tenantId, "owner", Role.OWNER);
  }

  private List<String> ledgerOrder(long siteId) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select record_id from consent_ledger where site_id = ? order by seq")) {
      query.setLong(1, siteId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  private long count(String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void update(String sql) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().executeUpdate(sql);
    }
  }
}
