package io.consentplatform.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.db.EmbeddedPostgresServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
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

  private Platform start(String name, Map<String, String> extra) throws Exception {
    Map<String, String> properties =
        new HashMap<>(Records.platformOn(Records.of(started.database)));
    // Sessions of the back office must survive a switch of instance: one shared key.
    properties.put(
        "quarkus.http.auth.session.encryption-key",
        "a-key-shared-by-every-instance-of-this-test-0123456789");
    // A visitor's next decision may reach the other instance: one visitor-token key for all.
    properties.put("consent.visitor-tokens.key", "gSRC4t5AxQjkhU5ik0TwR+GwQAbtpxGpcohi+KFuR8o=");
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
