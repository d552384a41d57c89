package io.consentplatform.app;

import static io.consentplatform.app.ScaleOut.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged platform behind one PostgreSQL ({@link ScaleOut}), both running
 * throughout: what one instance does, the other knows. One pair answers every test here (starting a
 * pair is most of the time each takes): none of them publishes but the one that checks the
 * publication, and none stops an instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

  private static final String API_KEY = ScaleOut.API_KEY;
  private static final String CATEGORY =
      "{\"key\":\"video\",\"purpose\":\"MARKETING\",\"required\":false,\"position\":9,"
          + "\"texts\":{\"en\":{\"name\":\"Video\",\"description\":\"Embedded videos\"}}}";

  private ScaleOut pair;
  private Started started;
  private Platform first;
  private Platform second;

  @BeforeAll
  void startTwoInstances(@TempDir Path workDir) throws Exception {
    pair = new ScaleOut(workDir);
    started = pair.started;
    pair.startTwoInstances();
    first = pair.first;
    second = pair.second;
  }

  @AfterAll
  void stopAll() throws InterruptedException {
    pair.stopAll();
  }

  @Test
  void shouldServeAPublicationMadeThroughOneInstanceFromTheOtherWithinOneSecond() throws Exception {
    assertTrue(second.get("/v1/sites/townofcary/banner?lang=en").contains("\"version\":1"));
    long siteId =
        Records.single(
            Records.of(started.database), "select id from site where site_key = 'townofcary'");
    pair.grantApiKey();
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
            .map(ScaleOut::json)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no start line in " + lines));
    assertEquals("INFO", started.path("level").asText());
    assertTrue(started.path("message").asText().contains("started in"));
    assertTrue(started.hasNonNull("timestamp"));
    assertTrue(
        Files.readAllLines(first.log).stream().noneMatch(line -> line.startsWith("{")),
        "plain text unless asked");
  }
}
