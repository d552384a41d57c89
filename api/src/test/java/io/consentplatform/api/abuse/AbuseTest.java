package io.consentplatform.api.abuse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.Impressions;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The public POSTs facing bots: rate limits that cannot be dodged, and bounded parsing. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class AbuseTest {

  @Inject PolicyService policies;
  @Inject Impressions impressions;

  @Test
  void shouldAnswer429WithRetryAfterOnceAnAddressExceedsItsLimit() {
    long site = SiteFixture.create("abuse-flood");
    policies.publish(site, "test");
    int firstRefused = -1;
    long started = System.nanoTime();
    for (int i = 0; i < 200 && firstRefused < 0; i++) {
      // Each request counts, even those refused for their body: flooding with junk costs too,
      // and a forwarded address from an untrusted peer changes nothing.
      int status =
          given()
              .contentType(ContentType.JSON)
              .header("X-Forwarded-For", "198.51.100." + (i % 250))
              .body("{}")
              .post("/v1/sites/abuse-flood/consents")
              .then()
              .extract()
              .statusCode();
      if (status == 429) {
        firstRefused = i;
      } else {
        assertEquals(422, status, "a decision without version, action or method");
      }
    }
    // 120 a minute, plus the two a second that refill while the test sends (a slow machine sends
    // for longer, and more refill).
    double seconds = (System.nanoTime() - started) / 1e9;
    int refilled = (int) Math.ceil(seconds * 2) + 1;
    assertTrue(
        firstRefused >= 120 && firstRefused <= 120 + refilled,
        "refused from request " + firstRefused + " after " + seconds + " s");

    // A valid decision from the emptied bucket is refused too. On a slow machine a token may have
    // refilled since the last refusal: that one decision is let through (and counted), and the
    // next one, sent at once, meets the empty bucket.
    int letThrough = 0;
    io.restassured.response.Response valid = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      valid =
          given()
              .contentType(ContentType.JSON)
              .header("X-Forwarded-For", "203.0.113.99")
              .body("{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"}")
              .post("/v1/sites/abuse-flood/consents");
      if (valid.statusCode() != 201) {
        break;
      }
      letThrough++;
    }
    valid
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", is("1"))
        .body("status", is(429));
    given()
        .post("/v1/sites/abuse-flood/impressions")
        .then()
        .statusCode(204); // the banner's count has a bucket of its own
    assertEquals(letThrough, records("abuse-flood"), "nothing recorded from the flood itself");
  }

  @Test
  void shouldCountNoMoreBannerShowingsThanTheRateLimitLetsThrough() {
    long site = SiteFixture.create("abuse-impressions");
    policies.publish(site, "test");
    int counted = 0;
    int refused = 0;
    long started = System.nanoTime();
    for (int i = 0; i < 300; i++) {
      int status =
          given()
              .header("X-Forwarded-For", "198.51.100." + (i % 250))
              .post("/v1/sites/abuse-impressions/impressions")
              .then()
              .extract()
              .statusCode();
      if (status == 204) {
        counted++;
      } else {
        assertEquals(429, status);
        refused++;
      }
    }
    impressions.flush();

    double seconds = (System.nanoTime() - started) / 1e9;
    int refilled = (int) Math.ceil(seconds * 2) + 1;
    assertTrue(
        counted >= 120 && counted <= 120 + refilled, counted + " counted in " + seconds + " s");
    assertEquals(300 - counted, refused);
    assertEquals(counted, shown(site), "the statistics hold only what the limit let through");
  }

  @Test
  void shouldRefuseDeeplyNestedAndOversizedJson() {
    long site = SiteFixture.create("abuse-nesting");
    policies.publish(site, "test");
    String deep = "{\"choices\":" + "{\"a\":".repeat(50) + "true" + "}".repeat(50) + "}";
    given()
        .contentType(ContentType.JSON)
        .body(deep)
        .post("/v1/sites/abuse-nesting/consents")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"lang\":\"" + "e".repeat(5000) + "\"}")
        .post("/v1/sites/abuse-nesting/consents")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .header("X-Padding", "x".repeat(20_000))
        .body("{}")
        .post("/v1/sites/abuse-nesting/consents")
        .then()
        .statusCode(431);
    assertEquals(0, records("abuse-nesting"));
  }

  @Test
  void shouldHonourGlobalPrivacyControlSentAsAHeader() {
    long site = SiteFixture.create("abuse-gpc");
    policies.publish(site, "test");
    given()
        .contentType(ContentType.JSON)
        .header("Sec-GPC", "1")
        .body("{\"policyVersion\":1,\"action\":\"reject_all\",\"method\":\"banner\"}")
        .post("/v1/sites/abuse-gpc/consents")
        .then()
        .statusCode(201)
        .body("gpc", is(true));
  }

  private static long shown(long siteId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        ConsentRecord.getEntityManager()
                            .createNativeQuery(
                                "select coalesce(sum(shown), 0) from banner_impression"
                                    + " where site_id = ?1")
                            .setParameter(1, siteId)
                            .getSingleResult())
                    .longValue());
  }

  private static long records(String siteKey) {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", siteKey));
  }
}
