package io.consentplatform.api.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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
  void shouldNeverLogAVisitorsIdOrAddress() throws Exception {
    long site = SiteFixture.create("privacy-log");
    policies.publish(site, "test");
    UUID visitor = UUID.randomUUID();
    String address = "203.0.113.201";
    for (String body :
        new String[] {
          "{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\",\"visitorId\":\""
              + visitor
              + "\"}",
          "{\"policyVersion\":7,\"action\":\"accept_all\",\"method\":\"banner\",\"visitorId\":\""
              + visitor
              + "\"}",
          "{\"policyVersion\":1,\"action\":\"nonsense\",\"visitorId\":\"" + visitor + "\"}"
        }) {
      given()
          .contentType(ContentType.JSON)
          .header("X-Forwarded-For", address)
          .header("X-Real-IP", address)
          .body(body)
          .post("/v1/sites/privacy-log/consents");
    }

    String log = Files.readString(Path.of("target/test-log/quarkus.log"));
    assertFalse(log.contains(visitor.toString()), "the visitor id is not in the log");
    assertFalse(log.contains(address), "the address is not in the log");
  }
}
