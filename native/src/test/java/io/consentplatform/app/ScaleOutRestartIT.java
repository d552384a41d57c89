package io.consentplatform.app;

import static io.consentplatform.app.ScaleOut.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.consentplatform.core.testing.WebhookReceiver;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged platform behind one PostgreSQL ({@link ScaleOut}) when instances
 * stop or die: a rolling update, then the whole application at once. Each test starts its own pair
 * and database, since each ends with instances gone and counts every record it finds.
 */
class ScaleOutRestartIT {

  private static final String API_KEY = ScaleOut.API_KEY;

  @TempDir Path workDir;

  private ScaleOut pair;
  private Started started;
  private Platform first;
  private Platform second;

  @BeforeEach
  void startTwoInstances() throws Exception {
    pair = new ScaleOut(workDir);
    started = pair.started;
    pair.startTwoInstances();
    first = pair.first;
    second = pair.second;
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    pair.stopAll();
  }

  @Test
  void shouldRecordEveryDecisionExactlyOnceAcrossInstancesEvenWhenOneStops() throws Exception {
    int threads = 8;
    Writers writers = new Writers(List.of(first, second), threads);
    Thread.sleep(2500);
    // A rolling update's SIGTERM: requests in flight finish, new ones go to the other instance.
    first.stop();
    Thread.sleep(2000);
    writers.close();

    int byFirst = writers.acknowledgedBy.get(0).get();
    int bySecond = writers.acknowledgedBy.get(1).get();
    System.out.printf(
        "Two instances: %d acknowledged by A, %d by B, %d refused while stopping, %d unreachable%n",
        byFirst, bySecond, writers.unavailable.get(), writers.unreachable.get());
    assertTrue(byFirst > 10 && bySecond > 10, "both instances took decisions");
    assertEquals(0, writers.otherAnswers.get(), () -> "unexpected answers: " + writers.others);
    Records.Db db = Records.of(started.database);
    assertEquals(Set.of(), Records.missing(db, writers.acknowledged), "acknowledged but missing");
    long stored = Records.single(db, "select count(*) from consent_record");
    // Exactly once: no acknowledged decision stored twice, nothing stored that nobody sent; at most
    // one decision per visitor thread may be stored without its answer arriving (cut by the stop).
    assertEquals(byFirst + bySecond, writers.acknowledged.size(), "every receipt id is distinct");
    assertTrue(
        stored >= writers.acknowledged.size() && stored <= writers.acknowledged.size() + threads,
        stored + " stored for " + writers.acknowledged.size() + " acknowledged");
    assertTrue(
        Files.readString(first.log).contains("stopped in"), "A stopped in order, not killed");
  }

  @Test
  void shouldDeliverEveryDecisionInLedgerOrderAfterTheWholeApplicationRestarts() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.answer(500);
      long siteId =
          Records.single(
              Records.of(started.database), "select id from site where site_key = 'townofcary'");
      pair.grantApiKey();
      HttpResponse<String> registered =
          first.post(
              "/v1/tenant/webhooks",
              "{\"url\":\""
                  + receiver.url("/hooks")
                  + "\",\"events\":[\"consent.recorded\"],\"siteIds\":["
                  + siteId
                  + "]}",
              Map.of("X-Api-Key", API_KEY));
      assertEquals(201, registered.statusCode(), registered::body);
      String secret = json(registered.body()).path("secret").asText();

      int version = json(first.get("/v1/sites/townofcary/banner?lang=en")).path("version").asInt();
      // One after the other, each acknowledged before the next: the ledger's order is this list's.
      List<String> recorded = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Platform instance = i % 2 == 0 ? first : second;
        HttpResponse<String> decision =
            instance.post(
                "/v1/sites/townofcary/consents",
                "{\"policyVersion\":"
                    + version
                    + ",\"action\":\"accept_all\",\"method\":\"banner\"}");
        assertEquals(201, decision.statusCode(), decision::body);
        recorded.add(json(decision.body()).path("consentId").asText());
      }

      // The receiver is failing: the first decision waits for its retry and holds the others back.
      // Both instances die in the pause between two attempts, when no claim is held (a claim held
      // by
      // a dead instance would only delay the test, by its expiry, not lose anything).
      Records.Db db = Records.of(started.database);
      await("a failed attempt, its retry not yet due")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  !receiver.received().isEmpty()
                      && Records.single(
                              db,
                              "select count(*) from webhook_delivery where status = 'PENDING'"
                                  + " and attempts > 0 and claimed_by is null"
                                  + " and next_attempt_at > now() + interval '400 milliseconds'")
                          > 0);
      first.kill();
      second.kill();
      int failed = receiver.received().size();
      assertTrue(
          receiver.received().stream().allMatch(request -> request.answered() == 500),
          "nothing delivered before the restart");

      receiver.answer(204);
      long restarting = System.nanoTime();
      Platform third = pair.start("c", Map.of());
      third.awaitReady();

      Map<String, WebhookReceiver.Request> delivered;
      try {
        delivered =
            await("every decision delivered after the restart")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> firstDeliveries(receiver), byId -> byId.size() >= recorded.size());
      } catch (org.awaitility.core.ConditionTimeoutException late) {
        throw new AssertionError(
            "received "
                + receiver.received()
                + "; queue "
                + Records.single(
                    db, "select count(*) from webhook_delivery where status = 'PENDING'")
                + " pending; log of the restarted instance: "
                + Files.readString(third.log),
            late);
      }
      System.out.printf(
          "Webhooks: %d failed attempts before both instances died, all %d decisions delivered"
              + " %d ms after the restart began%n",
          failed, recorded.size(), Duration.ofNanos(System.nanoTime() - restarting).toMillis());

      com.standardwebhooks.Webhook verifier = new com.standardwebhooks.Webhook(secret);
      List<String> consentIds = new ArrayList<>();
      long previousSeq = 0;
      for (WebhookReceiver.Request request : delivered.values()) {
        verifier.verify(request.body(), request.headers()); // throws unless signed with the secret
        JsonNode event = json(request.body());
        assertEquals("consent.recorded", event.path("type").asText(), request::body);
        assertEquals("townofcary", event.path("data").path("site").asText(), request::body);
        long seq = event.path("data").path("seq").asLong();
        assertTrue(seq > previousSeq, "seq " + seq + " after " + previousSeq);
        previousSeq = seq;
        consentIds.add(event.path("data").path("consentId").asText());
      }
      assertEquals(recorded, consentIds, "every decision, once each, in the order recorded");
    }
  }

  /** The first successful delivery of each webhook-id, in the order they arrived. */
  private static Map<String, WebhookReceiver.Request> firstDeliveries(WebhookReceiver receiver) {
    Map<String, WebhookReceiver.Request> byId = new LinkedHashMap<>();
    for (WebhookReceiver.Request request : receiver.received()) {
      if (request.answered() == 204) {
        byId.putIfAbsent(request.header("webhook-id"), request);
      }
    }
    return byId;
  }
}
