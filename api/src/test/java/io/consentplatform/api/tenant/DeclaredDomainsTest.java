package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.Impressions;
import io.consentplatform.core.consent.RefusedOrigins;
import io.consentplatform.core.consent.Statistics;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A site's declared domains are settings that apply at once, not part of a policy version: the
 * consent endpoint follows a change on the very next decision, and the change leaves the versions
 * alone. Decisions and banner showings from pages under other domains are refused, not counted, and
 * remembered for the back office.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class DeclaredDomainsTest {

  @Inject PolicyService policies;
  @Inject RefusedOrigins refusedOrigins;
  @Inject Impressions impressions;
  @Inject Statistics statistics;
  @Inject DataSource dataSource;

  @Test
  void shouldApplyChangedDomainsToTheVeryNextDecisionWithoutADraft() {
    long site = Tenants.siteWithTenant("domains-live");
    Tenants.member(site, "editor-domains", Role.EDITOR);
    policies.publish(site, "test");
    String newOrigin = "https://shop.domains-live.example";
    String oldOrigin = "https://domains-live.example";
    decide("domains-live", newOrigin).then().statusCode(403);
    // Read once more so that the old domains sit in memory, as on a running platform.
    decide("domains-live", oldOrigin).then().statusCode(201);

    String etag =
        TenantApiTest.as("editor-domains")
            .get("/v1/tenant/sites/" + site)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    TenantApiTest.as("editor-domains")
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(
            "{\"key\":\"domains-live\",\"name\":\"Site domains-live\","
                + "\"domains\":[\"shop.domains-live.example\"],\"languages\":[\"en\",\"fr\"],"
                + "\"defaultLanguage\":\"en\"}")
        .put("/v1/tenant/sites/" + site)
        .then()
        .statusCode(200);

    decide("domains-live", newOrigin)
        .then()
        .statusCode(201)
        .header("Access-Control-Allow-Origin", is(newOrigin));
    decide("domains-live", oldOrigin).then().statusCode(403);
    assertEquals(2, recorded("domains-live"), "the two accepted decisions, no other");
    TenantApiTest.as("editor-domains")
        .get("/v1/tenant/sites/" + site + "/versions/draft")
        .then()
        .statusCode(200)
        .body("changedSinceLatest", is(false))
        .body("latest", is(1));
    TenantApiTest.as("editor-domains")
        .post("/v1/tenant/sites/" + site + "/versions")
        .then()
        .statusCode(409)
        .body("detail", is("Nothing changed since version 1"));
    given()
        .get("/sites/domains-live/cookie-policy")
        .then()
        .statusCode(200)
        .body(containsString("shop.domains-live.example"));
  }

  @Test
  void shouldFollowADomainChangeMadeByAnotherInstanceWithinASecond() throws Exception {
    long site = Tenants.siteWithTenant("domains-elsewhere");
    policies.publish(site, "test");
    String added = "https://www.domains-elsewhere.example";
    decide("domains-elsewhere", added).then().statusCode(403);

    // Another instance saves the settings: its row is committed, its notification follows.
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "update site set domains = '[\"www.domains-elsewhere.example\"]' where id = " + site);
      decide("domains-elsewhere", added).then().statusCode(403); // this instance was not told yet
      statement.execute("select pg_notify('site_changed', 'domains-elsewhere')");
    }
    Instant notified = Instant.now();

    while (decide("domains-elsewhere", added).statusCode() != 201) {
      assertTrue(
          Duration.between(notified, Instant.now()).toMillis() < 1000, "accepted within a second");
      Thread.sleep(20);
    }
  }

  @Test
  void shouldTellTheBannerItsPageIsUndeclaredAndRememberTheRefusedDecisions() {
    long site = Tenants.siteWithTenant("domains-undeclared");
    policies.publish(site, "test");
    String stranger = "http://localhost:4200";

    given()
        .header("Origin", stranger)
        .get("/v1/sites/domains-undeclared/banner?lang=en")
        .then()
        .statusCode(200)
        .header("Vary", containsString("Origin"))
        .body("originDeclared", is(false));
    given()
        .header("Origin", "https://domains-undeclared.example")
        .get("/v1/sites/domains-undeclared/banner?lang=en")
        .then()
        .statusCode(200)
        .body("originDeclared", nullValue())
        .body("version", is(1));

    // A browser asks first and, refused, never posts; a script posts directly.
    given()
        .header("Origin", stranger)
        .header("Access-Control-Request-Method", "POST")
        .options("/v1/sites/domains-undeclared/consents")
        .then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", nullValue());
    decide("domains-undeclared", stranger).then().statusCode(403);
    refusedOrigins.flush();

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<Statistics.RefusedOrigin> refused =
        statistics.refusedOrigins(viewerOf(site), site, today.minusDays(29), today);
    assertEquals(1, refused.size(), refused.toString());
    assertEquals(stranger, refused.get(0).origin());
    assertEquals(2, refused.get(0).refused());
    assertEquals(0, recorded("domains-undeclared"));
  }

  @Test
  void shouldNotCountTheBannerShownOnAnUndeclaredPage() {
    long site = Tenants.siteWithTenant("domains-impressions");
    Tenants.member(site, "viewer-impressions", Role.VIEWER);
    policies.publish(site, "test");

    given()
        .header("Origin", "https://copy.example")
        .post("/v1/sites/domains-impressions/impressions")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .header("Origin", "https://domains-impressions.example")
        .post("/v1/sites/domains-impressions/impressions")
        .then()
        .statusCode(204);
    impressions.flush();

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    TenantApiTest.as("viewer-impressions")
        .queryParam("from", today)
        .queryParam("to", today)
        .get("/v1/tenant/sites/" + site + "/statistics")
        .then()
        .statusCode(200)
        .body("[0].shown", is(1));
  }

  private static Response decide(String siteKey, String origin) {
    return given()
        .contentType(ContentType.JSON)
        .header("Origin", origin)
        .body("{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"}")
        .post("/v1/sites/" + siteKey + "/consents");
  }

  private static long recorded(String siteKey) {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", siteKey));
  }

  private static Caller viewerOf(long siteId) {
    long tenant =
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).tenant.id);
    return new Caller(tenant, "viewer@example.org", Role.VIEWER);
  }
}
