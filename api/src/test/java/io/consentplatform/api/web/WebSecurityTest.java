package io.consentplatform.api.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** Headers on every public answer, and a log that never holds a visitor's data. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class WebSecurityTest {

  @Inject PolicyService policies;

  @Test
  void shouldSendSecurityHeadersOnPagesJsonAndProblems() {
    long site = SiteFixture.create("headers-site");
    policies.publish(site, "test");
    given()
        .get("/sites/headers-site/cookie-policy")
        .then()
        .statusCode(200)
        .header("X-Content-Type-Options", is("nosniff"))
        .header("Referrer-Policy", is("strict-origin-when-cross-origin"))
        .header("Content-Security-Policy", containsString("default-src 'none'; style-src 'self'"))
        .header("Content-Security-Policy", containsString("frame-ancestors"));
    for (String path :
        new String[] {
          "/v1/sites/headers-site/banner", "/v1/sites/no-such-site/banner", "/.well-known/jwks.json"
        }) {
      given()
          .get(path)
          .then()
          .header("X-Content-Type-Options", is("nosniff"))
          .header("Content-Security-Policy", is("default-src 'none'; frame-ancestors 'none'"));
    }
  }

  @Test
  void shouldNeverLogAVisitorsIdTokenOrAddress() throws Exception {
    long site = SiteFixture.create("privacy-log");
    policies.publish(site, "test");
    String address = "203.0.113.201";
    ExtractableResponse<Response> first =
        given()
            .contentType(ContentType.JSON)
            .header("X-Forwarded-For", address)
            .body("{\"policyVersion\":1,\"action\":\"reject_all\",\"method\":\"banner\"}")
            .post("/v1/sites/privacy-log/consents")
            .then()
            .statusCode(201)
            .extract();
    String visitor = first.path("visitorId");
    String token = first.path("visitorToken");
    // A recorded decision, a version that was never published, an action that does not exist, a
    // refused token: the paths that could log a visitor's data, each checked to have really run.
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put(
        "{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\",\"visitorId\":\""
            + visitor
            + "\",\"visitorToken\":\""
            + token
            + "\"}",
        201);
    expected.put(
        "{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\",\"visitorId\":\""
            + visitor
            + "\",\"visitorToken\":\""
            + token.substring(0, 9)
            + "forged\"}",
        403);
    expected.put(
        "{\"policyVersion\":7,\"action\":\"accept_all\",\"method\":\"banner\",\"visitorId\":\""
            + visitor
            + "\"}",
        422);
    expected.put(
        "{\"policyVersion\":1,\"action\":\"nonsense\",\"visitorId\":\"" + visitor + "\"}", 422);
    expected.forEach(
        (body, status) ->
            given()
                .contentType(ContentType.JSON)
                .header("X-Forwarded-For", address)
                .header("X-Real-IP", address)
                .body(body)
                .post("/v1/sites/privacy-log/consents")
                .then()
                .statusCode(status));
    // Positive control: what is logged now does reach the file this test reads.
    String marker = "log-control-" + UUID.randomUUID();
    Logger.getLogger(WebSecurityTest.class).info(marker);

    Path file = Path.of("target/test-log/quarkus.log");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(file).contains(marker));
    String log = Files.readString(file);
    assertFalse(log.contains(visitor), "the visitor id is not in the log");
    assertFalse(log.contains(token.substring(9)), "the visitor token is not in the log");
    assertFalse(log.contains(address), "the address is not in the log");
  }
}
