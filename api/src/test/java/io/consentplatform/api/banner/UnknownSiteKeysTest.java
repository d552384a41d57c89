package io.consentplatform.api.banner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.api.abuse.LocalClients;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.policy.PolicyChangeListener;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.DeclaredDomains;
import io.consentplatform.core.testing.Notifications;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Random and malformed site keys on the public banner: they cost no query and evict no site. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class UnknownSiteKeysTest {

  @Inject PolicyService policies;
  @Inject CurrentPolicies current;
  @Inject DeclaredDomains domains;
  @Inject DataSource dataSource;
  @Inject PolicyChangeListener listener;

  @ConfigProperty(name = "consent.unknown-sites-remembered")
  int remembered;

  @Test
  void shouldKeepRealSitesInMemoryThroughAFloodOfUnknownKeys() throws Exception {
    policies.publish(SiteFixture.create("flood-survivor"), "test");
    Notifications.awaitEverySoFar(dataSource, listener);
    given().get("/v1/sites/flood-survivor/banner").then().statusCode(200);
    assertTrue(current.known("flood-survivor").isPresent(), "in memory after its first request");

    // More unknown keys than memory remembers: it forgets some of them, never the real site.
    for (int i = 0; i <= remembered; i++) {
      String unknown = "no-such-site-" + i;
      assertTrue(current.of(unknown).isEmpty());
      assertTrue(domains.of(unknown).isEmpty());
    }

    assertTrue(current.known("flood-survivor").isPresent(), "its version is still in memory");
    assertTrue(domains.known("flood-survivor").isPresent(), "its domains are still in memory");
  }

  @Test
  void shouldRefuseAMalformedKeyWithoutLookingItUp() throws Exception {
    // While the site table is locked, any lookup of a site waits: an answer proves there was none.
    try (Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      lock.createStatement().execute("lock table site in access exclusive mode");
      try {
        for (String malformed :
            new String[] {"NO-UPPER-CASE", "a", "dots.not.allowed", "-dash", "x".repeat(64)}) {
          for (String path : new String[] {"/banner", "/banner.js"}) {
            LocalClients.Answer answer =
                LocalClients.exchange(
                    "127.0.0.43",
                    "GET /v1/sites/" + malformed + path + " HTTP/1.1",
                    new byte[0],
                    20_000);
            assertEquals(404, answer.status(), malformed + path + ": " + answer);
            assertTrue(
                answer.header("Content-Type").startsWith("application/problem+json"),
                answer.toString());
          }
        }
      } finally {
        lock.rollback();
      }
    }
  }

  @Test
  void shouldAnswer429OnceAClientAsksForTooManySitesNotInMemory() throws Exception {
    policies.publish(SiteFixture.create("miss-limit-known"), "test");
    // The publication's notification, heard late, would make memory forget the site warmed below.
    Notifications.awaitEverySoFar(dataSource, listener);
    given().get("/v1/sites/miss-limit-known/banner").then().statusCode(200);
    String client = "127.0.0.41";
    int refused = 0;
    Response answer = null;
    for (int i = 0; i < 200 && refused == 0; i++) {
      answer = LocalClients.from(client).get("/v1/sites/random-" + UUID.randomUUID() + "/banner");
      if (answer.statusCode() == 429) {
        refused = i;
      } else {
        assertEquals(404, answer.statusCode());
      }
    }
    // 60 a minute, and one more each second the loop runs.
    assertTrue(refused >= 60, "refused from request " + refused);
    answer
        .then()
        .contentType("application/problem+json")
        .body("status", is(429))
        .header("Retry-After", is("1"));
    // The script's misses draw on the same budget. One more token comes each second, so on a slow
    // machine the next miss may still pass; the one after it, right behind, may not.
    int scriptRefusedAfter = 0;
    while (LocalClients.from(client)
            .get("/v1/sites/random-" + UUID.randomUUID() + "/banner.js")
            .statusCode()
        != 429) {
      scriptRefusedAfter++;
      assertTrue(scriptRefusedAfter < 3, "the script's misses are refused too");
    }
    // A site in memory is still served to the same client: its banner costs nothing.
    LocalClients.from(client).get("/v1/sites/miss-limit-known/banner").then().statusCode(200);
    given().get("/v1/sites/random-" + UUID.randomUUID() + "/banner").then().statusCode(404);
  }
}
