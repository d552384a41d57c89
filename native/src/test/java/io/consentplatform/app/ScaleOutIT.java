package io.consentplatform.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.db.EmbeddedPostgresServer;
import io.consentplatform.core.testing.WebhookReceiver;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged platform behind one PostgreSQL, as a Kubernetes Deployment with two
 * replicas runs it: they share nothing but the database.
 */
class ScaleOutIT {

  private static final String API_KEY = "cpk_scale-out-test-key-of-the-demo-owner";
  private static final String CATEGORY =
      "{\"key\":\"video\",\"purpose\":\"MARKETING\",\"required\":false,\"position\":9,"
          + "\"texts\":{\"en\":{\"name\":\"Video\",\"description\":\"Embedded videos\"}}}";

  @TempDir Path workDir;

  private final Started started = new Started();
  private Platform first;
  private Platform second;

  @BeforeEach
  void startTwoInstances() throws Exception {
    started.database = EmbeddedPostgresServer.start(workDir.resolve("pg"), 0, true);
    // Started together, as a rollout starts replicas: both migrate and seed, one of them does it.
    first = start("a", Map.of());
    // The second writes JSON logs, as an operator's log collector wants them.
    second = start("b", Map.of("quarkus.log.console.json.enabled", "true"));
    first.awaitReady();
    second.awaitReady();
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    started.stopAll();
  }

  @Test
  void shouldServeAPublicationMadeThroughOneInstanceFromTheOtherWithinOneSecond() throws Exception {
    assertTrue(second.get("/v1/sites/townofcary/banner?lang=en").contains("\"version\":1"));
    long siteId =
        Records.single(
            Records.of(started.database), "select id from site where site_key = 'townofcary'");
    grantApiKey();
    Map<String, String> owner = Map.of("X-Api-Key", API_KEY);

    assertEquals(
        201,
        first.post("/v1/tenant/sites/" + siteId + "/categories", CATEGORY, owner).statusCode());
    HttpResponse<String> published =
        first.post("/v1/tenant/sites/" + siteId + "/versions", "", owner);
    assertEquals(201, published.statusCode(), published::body);
    long publishedAt = System.nanoTime();

    String banner =
        await("B serves version 2")
            .atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> second.get("/v1/sites/townofcary/banner?lang=en"),
                body -> body.contains("\"version\":2"));
    Duration seen = Duration.ofNanos(System.nanoTime() - publishedAt);
    System.out.printf("Publication through A served by B after %d ms%n", seen.toMillis());
    assertTrue(banner.contains("\"version\":2"), "B still serves version 1");
    assertTrue(banner.contains("\"video\""), "B serves the new category");
    assertTrue(seen.compareTo(Duration.ofSeconds(1)) <= 0, "B caught up after " + seen);
  }

  @Test
  void shouldAcceptOnOneInstanceTheVisitorTokenTheOtherGave() throws Exception {
    int version =
        new ObjectMapper()
            .readTree(first.get("/v1/sites/townofcary/banner?lang=en"))
            .path("version")
            .asInt();
    String decision =
        "{\"policyVersion\":" + version + ",\"action\":\"accept_all\",\"method\":\"banner\"";
    HttpResponse<String> byFirst = first.post("/v1/sites/townofcary/consents", decision + "}");
    assertEquals(201, byFirst.statusCode(), byFirst::body);
    JsonNode answer = json(byFirst.body());

    HttpResponse<String> bySecond =
        second.post(
            "/v1/sites/townofcary/consents",
            decision
                + ",\"visitorId\":\""
                + answer.path("visitorId").asText()
                + "\",\"visitorToken\":\""
                + answer.path("visitorToken").asText()
                + "\"}");

    assertEquals(201, bySecond.statusCode(), bySecond::body);
    assertEquals(
        answer.path("visitorId").asText(), json(bySecond.body()).path("visitorId").asText());
  }

  @Test
  void shouldWriteOneJsonObjectPerLogLineWhenAsked() throws Exception {
    List<String> lines = Files.readAllLines(second.log);
    JsonNode started =
        lines.stream()
            .filter(line -> line.contains("Listening on"))
            .map(ScaleOutIT::json)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no start line in " + lines));
    assertEquals("INFO", started.path("level").asText());
    assertTrue(started.path("message").asText().contains("started in"));
    assertTrue(started.hasNonNull("timestamp"));
    assertTrue(
        Files.readAllLines(first.log).stream().noneMatch(line -> line.startsWith("{")),
        "plain text unless asked");
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
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
      grantApiKey();
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
      Platform third = start("c", Map.of());
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

  private Platform start(String name, Map<String, String> extra) throws Exception {
    Map<String, String> properties =
        new HashMap<>(Records.platformOn(Records.of(started.database)));
    // Sessions of the back office must survive a switch of instance: one shared key.
    properties.put(
        "quarkus.http.auth.session.encryption-key",
        "a-key-shared-by-every-instance-of-this-test-0123456789");
    // A visitor's next decision may reach the other instance: one visitor-token key for all.
    properties.put("consent.visitor-tokens.key", "gSRC4t5AxQjkhU5ik0TwR+GwQAbtpxGpcohi+KFuR8o=");
    // Webhooks to the test's receiver on loopback, retried within seconds instead of minutes: only
    // a test that registers an endpoint sees any of it (the poll interval stays the default).
    properties.put("consent.webhooks.allow-private-networks", "true");
    properties.put("consent.webhooks.timeout", "2s");
    properties.put("consent.webhooks.retry-schedule", "1s,1s,1s,1s,1s,1s,1s,1s,1s,1s");
    properties.putAll(extra);
    Platform platform = Platform.start(workDir, name + ".log", properties);
    return started.platform(platform);
  }

  /** An owner's API key for the demo tenant, put straight into the database. */
  private void grantApiKey() throws Exception {
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(API_KEY.getBytes(StandardCharsets.UTF_8)));
    try (Connection connection = Records.connect(Records.of(started.database));
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into api_key (tenant_id, name, prefix, key_hash, role, created_by)"
                    + " select id, 'scale-out', ?, ?, 'OWNER', 'test' from tenant"
                    + " where slug = 'town-of-cary'")) {
      insert.setString(1, API_KEY.substring(0, 10));
      insert.setString(2, hash);
      assertEquals(1, insert.executeUpdate());
    }
  }
}
