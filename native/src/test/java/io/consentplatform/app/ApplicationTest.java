package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The assembled platform: every module's parts are found and work together. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ApplicationTest {

  @Test
  void shouldBeReadyWhenTheDatabaseAnswers() {
    given()
        .when()
        .get(Management.url("/health/ready"))
        .then()
        .statusCode(200)
        .body("status", is("UP"));
  }

  @Test
  void shouldKeepHealthAndMetricsOffThePublicPortButNotTheApiDocuments() {
    given().when().get("/q/health/ready").then().statusCode(404);
    given().when().get("/q/metrics").then().statusCode(404);
    given()
        .when()
        .get(Management.url("/metrics"))
        .then()
        .statusCode(200)
        .body(containsString("consent_decisions_recorded_total"));
    // Tenants integrate with these: they stay where the API is.
    given()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("info.title", is("Consent Platform API"));
    given().when().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void shouldServeTheDemoPolicyPageWithItsFourCookies() {
    given()
        .when()
        .get("/sites/townofcary/cookie-policy")
        .then()
        .statusCode(200)
        .contentType("text/html")
        .body(containsString("<code>sessionid</code>"))
        .body(containsString("<code>django_language</code>"))
        .body(containsString("<code>csrftoken</code>"))
        .body(containsString("<code>cookies_preferences</code>"));
  }

  @Test
  void shouldSendTheBannerCompressed() {
    given()
        .header("Accept-Encoding", "gzip")
        .when()
        .get("/v1/sites/townofcary/banner.js")
        .then()
        .statusCode(200)
        .header("Content-Encoding", is("gzip"))
        .body(containsString("ConsentPlatform"));
  }

  @Test
  void shouldAnswerTheApiWithA401AndTheBackOfficeWithTheSignInPage() {
    given()
        .redirects()
        .follow(false)
        .when()
        .get("/v1/tenant/sites")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .redirects()
        .follow(false)
        .when()
        .get("/admin/sites")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/admin/login"));
  }

  /**
   * The back office's CSRF check must not answer the tenant API: a body-less call sent with a
   * form's media type (as {@code curl -d ''} sends it) does what it says, and a form body gets a
   * 415 that names what the API takes.
   */
  @Test
  void shouldAnswerAnApiCallSentAsAFormWithoutTheBackOfficesCsrfCheck() throws Exception {
    String secret = "cpk_formtyped" + System.nanoTime();
    DemoApiKeys.add("caller", secret);
    long doomed = DemoApiKeys.add("doomed", "cpk_doomed" + System.nanoTime());

    given()
        .header("X-Api-Key", secret)
        .contentType("application/x-www-form-urlencoded")
        .when()
        .delete("/v1/tenant/api-keys/" + doomed)
        .then()
        .statusCode(204);
    assertTrue(revoked(doomed), "the body-less DELETE revoked the key");

    given()
        .header("X-Api-Key", secret)
        .contentType("application/x-www-form-urlencoded")
        .formParam("name", "from a form")
        .formParam("role", "VIEWER")
        .when()
        .post("/v1/tenant/api-keys")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("detail", containsString("application/json"));
    assertEquals(0, keysNamed("from a form"), "the refused form made no key");
  }

  private static boolean revoked(long key) throws Exception {
    try (var db = PostgresResource.superuser();
        var query =
            db.prepareStatement("select revoked_at is not null from api_key where id = ?")) {
      query.setLong(1, key);
      try (var row = query.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  private static int keysNamed(String name) throws Exception {
    try (var db = PostgresResource.superuser();
        var query = db.prepareStatement("select count(*) from api_key where name = ?")) {
      query.setString(1, name);
      try (var row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  @Test
  void shouldRecordAVisitorsDecisionBesideTheBackOfficesForms() {
    given()
        .contentType("application/json")
        .body(
            "{\"policyVersion\":1,\"action\":\"reject_all\",\"lang\":\"en\",\"method\":\"banner\"}")
        .when()
        .post("/v1/sites/townofcary/consents")
        .then()
        .statusCode(201)
        .body("choices.necessary", is(true))
        .body("choices.statistics", is(false));
  }

  @Test
  void shouldServeThePagesStylesheet() {
    given().when().get("/assets/visitor.css").then().statusCode(200).contentType("text/css");
  }

  @Test
  void shouldAnswerAnUnknownPathWithAProblem() {
    given()
        .when()
        .get("/no/such/path")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", is(404));
  }

  @Test
  void shouldCountDecisionsBannersCacheHitsForPrometheus() {
    given().when().get("/v1/sites/townofcary/banner?lang=en").then().statusCode(200);
    double banners = metric("banner_requests_total");
    double decisions = metric("consent_decisions_recorded_total");
    double hits = metric("policy_cache_requests_total{result=\"hit\"");

    given().when().get("/v1/sites/townofcary/banner?lang=fr").then().statusCode(200);
    given().when().get("/v1/sites/townofcary/banner?lang=en").then().statusCode(200);
    given()
        .contentType("application/json")
        .body("{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"}")
        .when()
        .post("/v1/sites/townofcary/consents")
        .then()
        .statusCode(201);

    assertEquals(banners + 2, metric("banner_requests_total"));
    assertEquals(decisions + 1, metric("consent_decisions_recorded_total"));
    assertTrue(metric("policy_cache_requests_total{result=\"hit\"") >= hits + 2, "found in memory");
    assertTrue(metric("consent_write_batches_count") >= 1, "commits are counted");
  }

  /** The value of the first Prometheus sample whose line starts with {@code series}. */
  private static double metric(String series) {
    String text =
        given().when().get(Management.url("/metrics")).then().statusCode(200).extract().asString();
    return text.lines()
        .filter(
            line ->
                line.startsWith(series + " ")
                    || line.startsWith(series + "{")
                    || (series.endsWith("\"") && line.startsWith(series)))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " is not exported"));
  }
}
