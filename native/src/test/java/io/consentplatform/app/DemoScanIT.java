package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The demo's whole loop without the back office, in the packaged platform and in the native
 * executable when there is one (there the scanner drives the same external Chromium over the
 * DevTools protocol, through code compiled ahead of time). A tenant asks for a scan of the demo
 * site through the API; the platform's real browser visits the platform's own demo pages (and
 * nothing of the real portal, out of reach from here), goes through the banner three times, and
 * finds the seed's four cookies, each matched to its declaration, with no violation.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresResource.class)
@ResourceLock(PackagedApplication.LOCK)
class DemoScanIT {

  @Test
  void shouldFindTheDemosFourDeclaredCookiesWithNoViolation() throws Exception {
    String secret = "cpk_scanit" + System.nanoTime();
    DemoApiKeys.add("scan-it", secret);
    long site =
        given()
            .header("X-Api-Key", secret)
            .get("/v1/tenant/sites")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("find { it.key == 'townofcary' }.id");
    // The demo registers its pages' own address at start-up; a scan asked for before would find
    // the real portal's domain only, out of reach from here.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .header("X-Api-Key", secret)
                        .get("/v1/tenant/sites/" + site)
                        .jsonPath()
                        .getList("domains")
                        .size()
                    == 2);

    int scan =
        given()
            .header("X-Api-Key", secret)
            .post("/v1/tenant/sites/" + site + "/scans")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    String address = "/v1/tenant/sites/" + site + "/scans/" + scan;
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                !List.of("QUEUED", "RUNNING")
                    .contains(given().header("X-Api-Key", secret).get(address).path("status")));

    JsonPath done = given().header("X-Api-Key", secret).get(address).jsonPath();
    assertEquals("DONE", done.getString("status"), done.getString("failure"));
    assertTrue(done.getBoolean("report.bannerEmbedded"), "the demo pages embed the banner");
    assertEquals(
        List.of("NO_DECISION", "REJECTED_ALL", "ACCEPTED_ALL"), done.getList("report.passes"));
    String root = "http://townofcary.localhost:" + RestAssured.port + "/";
    String demo = root + "demo/townofcary/";
    assertEquals(
        List.of(
            root, // where a scan starts; it leads to the demo's home page
            demo,
            demo + "explore/",
            demo + "explore/dataset/building-permits/",
            demo + "explore/dataset/parks-and-facilities/",
            demo + "pages/about/"),
        done.getList("report.pagesVisited", String.class).stream().sorted().toList(),
        "the demo pages, and nothing of data.townofcary.org");
    assertEquals(List.of(), done.getList("report.violations"));
    List<Map<String, Object>> cookies = done.getList("report.cookies");
    assertEquals(
        List.of(
            "cookies_preferences DECLARED DECLARED_NAME necessary",
            "csrftoken DECLARED DECLARED_NAME necessary",
            "django_language DECLARED DECLARED_NAME necessary",
            "sessionid DECLARED DECLARED_NAME necessary"),
        cookies.stream().map(DemoScanIT::describe).sorted().toList());
    assertEquals(
        List.of(),
        done.getList("report.declaredNotFound.name", String.class).stream()
            .filter(
                List.of("cookies_preferences", "csrftoken", "django_language", "sessionid")
                    ::contains)
            .toList(),
        "none of the seed's four declared cookies is missing");
  }

  @SuppressWarnings("unchecked")
  private static String describe(Map<String, Object> cookie) {
    Map<String, Object> classification = (Map<String, Object>) cookie.get("classification");
    List<?> changes = (List<?>) cookie.getOrDefault("changes", List.of());
    return cookie.get("name")
        + " "
        + cookie.get("diff")
        + " "
        + classification.get("rule")
        + " "
        + classification.get("category")
        + (changes == null || changes.isEmpty() ? "" : " changed " + changes);
  }
}
