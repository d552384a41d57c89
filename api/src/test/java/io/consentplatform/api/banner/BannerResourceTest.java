package io.consentplatform.api.banner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.policy.PolicyChangeListener;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.testing.Notifications;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class BannerResourceTest {

  @Inject PolicyService policies;
  @Inject DataSource dataSource;
  @Inject PolicyChangeListener listener;

  @Test
  void shouldDescribeTheCurrentVersionInTheAskedLanguage() {
    given()
        .when()
        .get("/v1/sites/townofcary/banner?lang=fr")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("site", is("townofcary"))
        .body("version", is(1))
        .body("hash", is(policies.current("townofcary").orElseThrow().contentHash()))
        .body("language", is("fr"))
        .body("languages", contains("en", "fr"))
        .body("consentLifetimeDays", is(182))
        .body("texts.acceptAll", is("Tout accepter"))
        .body("texts.rejectAll", is("Tout refuser"))
        .body("texts.customize", is("Personnaliser"))
        .body("categories.key", contains("necessary", "statistics", "internal", "third_party"))
        .body("categories[0].required", is(true))
        .body("categories[1].required", is(false))
        .body(
            "categories[0].cookies.name",
            contains("sessionid", "django_language", "csrftoken", "cookies_preferences"))
        .body(
            "categories[0].cookies[0].purposes",
            is("Se souvenir de l'utilisateur d'une page à l'autre"))
        .body("policyPath", is("/sites/townofcary/cookie-policy?lang=fr"));
  }

  @Test
  void shouldFallBackToTheBrowsersLanguageThenTheDefault() {
    given()
        .header("Accept-Language", "fr-BE,fr;q=0.8")
        .when()
        .get("/v1/sites/townofcary/banner")
        .then()
        .statusCode(200)
        .body("language", is("fr"))
        .header("Vary", containsString("Accept-Language"));
    given()
        .when()
        .get("/v1/sites/townofcary/banner?lang=de")
        .then()
        .statusCode(200)
        .body("language", is("en"));
  }

  @Test
  void shouldAnswerNotModifiedToARevalidation() {
    Response first = given().when().get("/v1/sites/townofcary/banner?lang=en&region=FR");
    String etag = first.header("ETag");

    first
        .then()
        .statusCode(200)
        .header("ETag", startsWith("\""))
        .header("Cache-Control", is("public, max-age=60, stale-while-revalidate=600"))
        .header("Access-Control-Allow-Origin", is("*"));
    given()
        .header("If-None-Match", etag)
        .when()
        .get("/v1/sites/townofcary/banner?lang=en")
        .then()
        .statusCode(304)
        .body(is(emptyString()))
        .header("ETag", is(etag));
    given()
        .header("If-None-Match", "W/" + etag)
        .when()
        .get("/v1/sites/townofcary/banner?lang=en")
        .then()
        .statusCode(304);
    given()
        .header("If-None-Match", etag)
        .when()
        .get("/v1/sites/townofcary/banner?lang=fr")
        .then()
        .statusCode(200)
        .header("ETag", not(is(etag)));
  }

  @Test
  void shouldAnswerTheSameFromTheRestFallbackAsFromTheRoute() {
    // Right after a publication the site is not in memory: the REST fallback answers and loads
    // it, and the route answers the next request.
    policies.publish(SiteFixture.create("banner-both-doors"), "test");
    Response fallback =
        given().header("Accept-Language", "fr").get("/v1/sites/banner-both-doors/banner");
    Response route =
        given().header("Accept-Language", "fr").get("/v1/sites/banner-both-doors/banner");

    assertEquals(200, fallback.statusCode());
    assertEquals(200, route.statusCode());
    for (String header :
        new String[] {
          "ETag",
          "Cache-Control",
          "Vary",
          "Access-Control-Allow-Origin",
          "Content-Type",
          "X-Content-Type-Options",
          "Content-Security-Policy",
          "Set-Cookie"
        }) {
      assertEquals(fallback.header(header), route.header(header), header);
    }
    assertArrayEquals(fallback.asByteArray(), route.asByteArray());
  }

  @Test
  void shouldServeANewVersionAsSoonAsItIsPublished() {
    long siteId = SiteFixture.create("banner-republish");
    policies.publish(siteId, "test");
    String etag =
        given()
            .when()
            .get("/v1/sites/banner-republish/banner?lang=en")
            .then()
            .statusCode(200)
            .body("version", is(1))
            .extract()
            .header("ETag");

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Cookie cookie =
                  Cookie.find("site.id = ?1 and name = 'statistics_cookie'", siteId).firstResult();
              cookie.name = "_ga";
            });
    policies.publish(siteId, "test");

    given()
        .header("If-None-Match", etag)
        .when()
        .get("/v1/sites/banner-republish/banner?lang=en")
        .then()
        .statusCode(200)
        .body("version", is(2))
        .body("categories.find { it.key == 'statistics' }.cookies.name", contains("_ga"));
  }

  @Test
  void shouldFollowAPublicationMadeByAnotherInstanceWithinASecond() throws Exception {
    long siteId = SiteFixture.create("banner-other-instance");
    policies.publish(siteId, "test");
    // One notification heard late would make this instance forget the site after the other
    // instance's insert below, and serve version 2 before being told.
    Notifications.awaitEverySoFar(dataSource, listener);
    given().when().get("/v1/sites/banner-other-instance/banner").then().body("version", is(1));

    // Another instance publishes: its row is committed, its notification follows.
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "insert into policy_version"
              + " (site_id, number, consent_revision, content_hash, snapshot, published_by)"
              + " select site_id, 2, 2, repeat('ab', 32), snapshot, 'another instance'"
              + " from policy_version where site_id = "
              + siteId
              + " and number = 1");
      given()
          .when()
          .get("/v1/sites/banner-other-instance/banner")
          .then()
          .body("version", is(1)); // served from memory: this instance has not been told yet
      statement.execute("select pg_notify('policy_published', 'banner-other-instance')");
    }
    Instant notified = Instant.now();

    while (given()
            .when()
            .get("/v1/sites/banner-other-instance/banner")
            .then()
            .extract()
            .<Integer>path("version")
        != 2) {
      assertTrue(
          Duration.between(notified, Instant.now()).toMillis() < 1000, "served within a second");
      Thread.sleep(20);
    }
  }

  @Test
  void shouldAnswerAnUnknownOrUnpublishedSiteWithAProblem() {
    SiteFixture.create("banner-unpublished");

    for (String path :
        new String[] {
          "/v1/sites/nope/banner", "/v1/sites/banner-unpublished/banner", "/v1/sites/nope/banner.js"
        }) {
      given()
          .when()
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("status", is(404))
          .body("title", is("Not Found"));
    }
  }

  @Test
  void shouldAnswerTheExperienceOfTheRegionNamedInTheUrlForEveryoneToCache() {
    publishWithRules(
        "banner-regions",
        new RegionRules(
            List.of(
                new RegionRule(List.of("US-NC"), Experience.NOTICE),
                new RegionRule(List.of("US"), Experience.OPT_OUT),
                new RegionRule(List.of("EU"), Experience.OPT_IN)),
            Experience.NONE),
        300);
    Map<String, String> expected =
        Map.of(
            "US-CA", "opt-out",
            "us-ca", "opt-out",
            "US", "opt-out",
            "US-NC", "notice",
            "FR", "opt-in",
            "DE-BY", "opt-in",
            "JP", "none",
            "unknown", "none");

    Map<String, String> etags = new java.util.HashMap<>();
    expected.forEach(
        (region, experience) -> {
          Response answer = given().get("/v1/sites/banner-regions/banner?lang=en&region=" + region);
          answer
              .then()
              .statusCode(200)
              .body("experience", is(experience))
              .body("refusalLifetimeDays", is(300))
              .header("Cache-Control", is("public, max-age=60, stale-while-revalidate=600"));
          etags.put(region, answer.header("ETag"));
        });
    // One document per experience, whatever the region that led to it.
    assertEquals(etags.get("US-CA"), etags.get("US"));
    assertEquals(etags.get("JP"), etags.get("unknown"));
    assertFalse(etags.get("US-CA").equals(etags.get("FR")));
  }

  @Test
  void shouldAnswerTheRequestsOwnRegionPrivatelyWithoutARegionInTheUrl() {
    publishWithRules(
        "banner-own-region",
        new RegionRules(
            List.of(new RegionRule(List.of("US"), Experience.OPT_OUT)), Experience.NOTICE),
        184);

    for (int i = 0; i < 2; i++) { // the REST fallback, then the route
      given()
          // The tests' client is no trusted proxy: its region header is not believed.
          .header("CF-IPCountry", "US")
          .get("/v1/sites/banner-own-region/banner?lang=en")
          .then()
          .statusCode(200)
          .body("experience", is("notice"))
          .header("Cache-Control", is("private, max-age=60"));
    }
  }

  @Test
  void shouldAnswerTheSameFromTheRestFallbackAsFromTheRouteForARegion() {
    policies.publish(SiteFixture.create("banner-both-doors-region"), "test");
    String path = "/v1/sites/banner-both-doors-region/banner?lang=fr&region=US-CA";
    Response fallback = given().get(path);
    Response route = given().get(path);

    assertEquals(200, fallback.statusCode());
    assertEquals("opt-out", fallback.jsonPath().getString("experience"));
    for (String header :
        new String[] {"ETag", "Cache-Control", "Vary", "Content-Type", "Content-Security-Policy"}) {
      assertEquals(fallback.header(header), route.header(header), header);
    }
    assertArrayEquals(fallback.asByteArray(), route.asByteArray());
  }

  @Test
  void shouldRefuseAMalformedRegionWithAProblem() {
    policies.publish(SiteFixture.create("banner-bad-region"), "test");
    given().get("/v1/sites/banner-bad-region/banner").then().statusCode(200); // now in memory

    for (String region : new String[] {"USA", "US-", "XX", "T1", "45", "US-CAL1", "%3Cb%3E", ""}) {
      given()
          .urlEncodingEnabled(false)
          .get("/v1/sites/banner-bad-region/banner?lang=en&region=" + region)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", is(400))
          .body("detail", containsString("region"));
    }
  }

  @Test
  void shouldServeTheScriptCacheableAndSelfContained() {
    Response script = given().when().get("/v1/sites/townofcary/banner.js");

    script
        .then()
        .statusCode(200)
        .contentType(startsWith("text/javascript"))
        .header("Cache-Control", is("public, max-age=3600"))
        .body(containsString("ConsentPlatform"))
        .body(containsString(".cp-banner{"))
        .body(not(containsString("__BANNER_CSS__")));
    given()
        .header("If-None-Match", script.header("ETag"))
        .when()
        .get("/v1/sites/townofcary/banner.js")
        .then()
        .statusCode(304);
    // No host but the API's own: no URL literal in the script at all.
    Matcher urls = Pattern.compile("https?://").matcher(script.asString());
    assertFalse(urls.find(), "the script names no other host");
  }

  @Test
  void shouldKeepScriptStylesAndOneLanguageUnderEightKilobytesGzipped() throws Exception {
    byte[] script = given().when().get("/v1/sites/townofcary/banner.js").asByteArray();
    byte[] config = given().when().get("/v1/sites/townofcary/banner?lang=en").asByteArray();

    int size = Gzip.size(script) + Gzip.size(config);

    System.out.printf(
        "Banner weight, gzipped: script %d B + configuration %d B = %d B%n",
        Gzip.size(script), Gzip.size(config), size);
    assertEquals(true, size <= 8 * 1024, "gzipped size " + size + " B");
  }

  /** Publishes a site of SiteFixture's with {@code rules} and a refusal interval. */
  private void publishWithRules(String key, RegionRules rules, int refusalDays) {
    long id = SiteFixture.create(key);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site site = Site.findById(id);
              site.regionRules = rules;
              site.refusalLifetimeDays = refusalDays;
            });
    policies.publish(id, "test");
  }
}
