package io.consentplatform.api.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.policy.PolicyChangeListener;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.testing.Notifications;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsentResourceTest {

  private static final String SITE = "consent-api";
  private static final String ORIGIN = "https://consent-api.example";
  private static final String CUSTOM =
      "{\"policyVersion\":1,\"action\":\"custom\",\"choices\":{\"necessary\":true,\"statistics\":true,\"marketing\":false},\"lang\":\"fr\",\"method\":\"settings\"}";

  @Inject PolicyService policies;
  @Inject PolicyChangeListener listener;
  @Inject DataSource dataSource;

  @TestHTTPResource("/")
  URI root;

  private static boolean published;

  void publishOnce() {
    if (!published) {
      policies.publish(SiteFixture.create(SITE), "test");
      policies.publish(SiteFixture.create("consent-api-other"), "test");
      published = true;
    }
  }

  @Test
  void shouldRecordADecisionAndAnswerWithItsReceipt() {
    publishOnce();
    long before = count();

    ValidatableResponse answer =
        post(CUSTOM)
            .statusCode(201)
            .contentType("application/json")
            .header("Location", matchesPattern("^.*/v1/sites/consent-api/consents/[0-9a-f-]{36}$"))
            .body("consentId", notNullValue())
            .body("visitorId", notNullValue())
            .body("policyVersion.number", is(1))
            .body("choices.statistics", is(true))
            .body("choices.marketing", is(false))
            .body("recordedAt", notNullValue());

    assertEquals(before + 1, count());
    String id = answer.extract().path("consentId");
    ConsentRecord stored =
        QuarkusTransaction.requiringNew().call(() -> ConsentRecord.findById(UUID.fromString(id)));
    assertEquals(Map.of("necessary", true, "statistics", true, "marketing", false), stored.choices);
    assertEquals("fr", stored.language);
  }

  @Test
  void shouldKeepTheVisitorsIdAcrossDecisions() {
    publishOnce();
    ExtractableResponse<Response> first = post(accept()).statusCode(201).extract();
    String visitor = first.path("visitorId");

    post("{\"visitorId\":\""
            + visitor
            + "\",\"visitorToken\":\""
            + first.path("visitorToken")
            + "\",\"policyVersion\":1,\"action\":\"withdraw\",\"lang\":\"en\",\"method\":\"settings\"}")
        .statusCode(201)
        .body("visitorId", is(visitor))
        .body("action", is("withdraw"))
        .body("choices.necessary", is(true))
        .body("choices.statistics", is(false))
        .body("choices.marketing", is(false));
  }

  @Test
  void shouldRecordGlobalPrivacyControlFromTheHeader() {
    publishOnce();

    String id =
        given()
            .contentType(ContentType.JSON)
            .header("Sec-GPC", "1")
            .body(accept())
            .when()
            .post("/v1/sites/" + SITE + "/consents")
            .then()
            .statusCode(201)
            .extract()
            .path("consentId");

    given()
        .when()
        .get("/v1/sites/" + SITE + "/consents/" + id)
        .then()
        .statusCode(200)
        .body("gpc", is(true));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown category|422|{\"policyVersion\":1,\"action\":\"custom\",\"choices\":{\"necessary\":true,\"statistics\":true,\"marketing\":false,\"ads\":true},\"method\":\"settings\"}",
        "missing category|422|{\"policyVersion\":1,\"action\":\"custom\",\"choices\":{\"necessary\":true},\"method\":\"settings\"}",
        "required category refused|422|{\"policyVersion\":1,\"action\":\"custom\",\"choices\":{\"necessary\":false,\"statistics\":false,\"marketing\":false},\"method\":\"settings\"}",
        "unpublished version|422|{\"policyVersion\":7,\"action\":\"accept_all\",\"method\":\"banner\"}",
        "missing version|422|{\"action\":\"accept_all\",\"method\":\"banner\"}",
        "unknown action|422|{\"policyVersion\":1,\"action\":\"accept_some\",\"method\":\"banner\"}",
        "unknown method|422|{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"telepathy\"}",
        "malformed visitor id|422|{\"visitorId\":\"1-1-1-1-1\",\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"}",
        "language not offered|422|{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\",\"lang\":\"de\"}",
        "malformed language|422|{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\",\"lang\":\"<b>\"}",
        "malformed JSON|400|{\"policyVersion\":1,",
        "empty body|400|",
        "not an object|400|[1,2]",
        "unknown field|400|{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\",\"admin\":true}",
        "duplicate key|400|{\"policyVersion\":1,\"policyVersion\":2,\"action\":\"accept_all\",\"method\":\"banner\"}",
        "string for a boolean|400|{\"policyVersion\":1,\"action\":\"custom\",\"choices\":{\"necessary\":\"yes\",\"statistics\":true,\"marketing\":true},\"method\":\"settings\"}",
        "string for a number|400|{\"policyVersion\":\"one\",\"action\":\"accept_all\",\"method\":\"banner\"}",
        "overflowing number|400|{\"policyVersion\":99999999999999999999,\"action\":\"accept_all\",\"method\":\"banner\"}",
        "trailing garbage|400|{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"} x",
      })
  void shouldRefuseABadDecisionAndStoreNothing(String name, int status, String body) {
    publishOnce();
    long before = count();

    post(body == null ? "" : body)
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", is(status))
        .body("detail", notNullValue());

    assertEquals(before, count(), name + " stored nothing");
  }

  @Test
  void shouldNameTheFieldAtFault() {
    publishOnce();

    post("{\"policyVersion\":1,\"action\":\"custom\",\"choices\":{\"necessary\":false,\"statistics\":false,\"marketing\":false},\"method\":\"settings\"}")
        .statusCode(422)
        .body("title", is("Unprocessable Content"))
        .body("errors.field", hasItem("choices"))
        .body("detail", is("Category necessary is required"));
  }

  @Test
  void shouldRefuseAnotherSitesVersionAndAnUnknownSite() {
    publishOnce();
    long before = count();

    given()
        .contentType(ContentType.JSON)
        .body(accept())
        .when()
        .post("/v1/sites/no-such-site/consents")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    // Version 2 exists nowhere; version 1 of the other site is not this site's version 1's row.
    post("{\"policyVersion\":2,\"action\":\"accept_all\",\"method\":\"banner\"}").statusCode(422);

    assertEquals(before, count());
  }

  @Test
  void shouldRefuseABodyOverEightKilobytes() {
    publishOnce();
    long before = count();
    String padding = "x".repeat(9 * 1024);

    post("{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\",\"lang\":\""
            + padding
            + "\"}")
        .statusCode(413)
        .contentType("application/problem+json");

    assertEquals(before, count());
  }

  @Test
  void shouldRefuseAnythingButJson() {
    publishOnce();
    long before = count();

    given()
        .contentType("text/plain")
        .body(accept())
        .when()
        .post("/v1/sites/" + SITE + "/consents")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("status", is(415));
    given()
        .contentType("application/x-www-form-urlencoded")
        .body("action=accept_all")
        .when()
        .post("/v1/sites/" + SITE + "/consents")
        .then()
        .statusCode(415);

    assertEquals(before, count());
  }

  @Test
  void shouldLetTheSitesOwnPagesCallAndNoOthers() {
    publishOnce();
    long before = count();

    given()
        .header("Origin", ORIGIN)
        .contentType(ContentType.JSON)
        .body(accept())
        .when()
        .post("/v1/sites/" + SITE + "/consents")
        .then()
        .statusCode(201)
        .header("Access-Control-Allow-Origin", is(ORIGIN))
        .header("Access-Control-Allow-Credentials", is("true"));
    given()
        .header("Origin", "https://evil.example")
        .contentType(ContentType.JSON)
        .body(accept())
        .when()
        .post("/v1/sites/" + SITE + "/consents")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .header("Access-Control-Allow-Origin", nullValue());

    assertEquals(before + 1, count(), "only the allowed origin's decision is stored");
  }

  @Test
  void shouldAnswerPreflightsForDeclaredOriginsOnly() {
    publishOnce();

    given()
        .header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .when()
        .options("/v1/sites/" + SITE + "/consents")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", is(ORIGIN))
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", containsString("Content-Type"));
    given()
        .header("Origin", "https://consent-api-other.example")
        .header("Access-Control-Request-Method", "POST")
        .when()
        .options("/v1/sites/" + SITE + "/consents")
        .then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void shouldSetThePreferencesCookieWhenReachedUnderTheSitesOwnDomain() {
    publishOnce();

    // The tests' client is no trusted proxy: its X-Forwarded-Proto is not believed, the cookie is
    // not marked Secure (behind a trusted proxy it is: native's BehindTrustedProxyTest).
    given()
        .header("Host", "consent-api.example")
        .header("X-Forwarded-Proto", "https")
        .contentType(ContentType.JSON)
        .body(accept())
        .when()
        .post("/v1/sites/" + SITE + "/consents")
        .then()
        .statusCode(201)
        .header(
            "Set-Cookie", matchesPattern("^cookies_preferences=%7B%22i%22%3A%22[0-9a-f-]{36}%22.*"))
        .header("Set-Cookie", containsString("Max-Age=15724800"))
        .header("Set-Cookie", endsWith("; SameSite=Lax"));
    post(accept()).statusCode(201).header("Set-Cookie", nullValue());
  }

  @Test
  void shouldKeepARefusalsCookieForTheRefusalInterval() {
    long id = SiteFixture.create("consent-refusal");
    QuarkusTransaction.requiringNew()
        .run(() -> ((Site) Site.findById(id)).refusalLifetimeDays = 300);
    policies.publish(id, "test");
    String custom =
        "{\"policyVersion\":1,\"action\":\"custom\",\"choices\":{\"necessary\":true,"
            + "\"statistics\":%s,\"marketing\":false},\"method\":\"settings\"}";

    for (String[] decision :
        new String[][] {
          {"{\"policyVersion\":1,\"action\":\"reject_all\",\"method\":\"banner\"}", "300"},
          {custom.formatted("false"), "300"},
          {custom.formatted("true"), "182"},
          {accept(), "182"}
        }) {
      given()
          .header("Host", "consent-refusal.example")
          .contentType(ContentType.JSON)
          .body(decision[0])
          .when()
          .post("/v1/sites/consent-refusal/consents")
          .then()
          .statusCode(201)
          .header(
              "Set-Cookie",
              containsString("Max-Age=" + Integer.parseInt(decision[1]) * 86_400 + ";"));
    }
  }

  @Test
  void shouldKeepTheVisitorsTokenInThePreferencesCookie() {
    publishOnce();

    ExtractableResponse<Response> answer =
        given()
            .header("Host", "consent-api.example")
            .contentType(ContentType.JSON)
            .body(accept())
            .when()
            .post("/v1/sites/" + SITE + "/consents")
            .then()
            .statusCode(201)
            .extract();

    String cookie = URLDecoder.decode(answer.header("Set-Cookie"), StandardCharsets.UTF_8);
    String token = answer.path("visitorToken");
    assertTrue(
        cookie.contains("\"v\":\"" + answer.path("visitorId") + "\",\"k\":\"" + token + "\""),
        cookie);
  }

  @Test
  void shouldGiveTheVisitorATokenBesideTheReceiptAndNeverInIt() {
    publishOnce();

    ExtractableResponse<Response> answer = post(CUSTOM).statusCode(201).extract();

    String token = answer.path("visitorToken");
    assertTrue(token.matches("[A-Za-z0-9_-]{8}\\.[A-Za-z0-9_-]{43}"), token);
    String receipt =
        given()
            .when()
            .get("/v1/sites/" + SITE + "/consents/" + answer.path("consentId"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String jws = new JsonPath(receipt).getString("signature");
    String signed =
        new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
    assertFalse(receipt.contains(token) || receipt.contains("visitorToken"), receipt);
    assertFalse(signed.contains(token) || signed.contains("visitorToken"), signed);
  }

  @Test
  void shouldRefuseADecisionInAVisitorsNameWithoutTheirToken() {
    publishOnce();
    ExtractableResponse<Response> mine = post(CUSTOM).statusCode(201).extract();
    String visitor = mine.path("visitorId");
    String otherSitesToken =
        given()
            .contentType(ContentType.JSON)
            .body(accept())
            .post("/v1/sites/consent-api-other/consents")
            .then()
            .statusCode(201)
            .extract()
            .path("visitorToken");
    String anotherVisitorsToken = post(accept()).statusCode(201).extract().path("visitorToken");
    long before = count();

    // Someone who read the visitor id in a forwarded receipt: without the token, with a made-up
    // one, another visitor's, or a token of another site.
    for (String token :
        new String[] {null, "", "x.y", "AAAAAAAA.AAAA", anotherVisitorsToken, otherSitesToken}) {
      String tokenField = token == null ? "" : "\"visitorToken\":\"" + token + "\",";
      post("{\"visitorId\":\""
              + visitor
              + "\","
              + tokenField
              + "\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"}")
          .statusCode(403)
          .contentType("application/problem+json")
          .body("status", is(403))
          .body("errors.field", hasItem("visitorToken"))
          .header("Set-Cookie", nullValue());
    }

    // The site's own page may read the refusal: its banner then decides as a new visitor.
    postFromPage(
            "{\"visitorId\":\""
                + visitor
                + "\",\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"}")
        .statusCode(403)
        .header("Access-Control-Allow-Origin", is(ORIGIN))
        .body("errors.field", hasItem("visitorToken"));

    assertEquals(before, count(), "nothing recorded in the visitor's name");
    status(mine.path("consentId"), "marketing").body("status", is("denied"));
  }

  @Test
  void shouldRecordADecisionSentFromNoPageAsMadeThroughTheApi() {
    publishOnce();

    String fromServer =
        post(CUSTOM).statusCode(201).body("method", is("api")).extract().path("consentId");
    String fromPage =
        postFromPage(CUSTOM)
            .statusCode(201)
            .body("method", is("settings"))
            .extract()
            .path("consentId");

    assertEquals(ConsentMethod.API, stored(fromServer).method);
    assertEquals(ConsentMethod.SETTINGS, stored(fromPage).method);
  }

  @Test
  void shouldShowAReceiptToItsSiteOnly() {
    publishOnce();
    String id = postFromPage(CUSTOM).statusCode(201).extract().path("consentId");

    given()
        .when()
        .get("/v1/sites/" + SITE + "/consents/" + id)
        .then()
        .statusCode(200)
        .body("consentId", is(id))
        .body("site", is(SITE))
        .body("policyVersion.number", is(1))
        .body("policyVersion.hash", is(policies.current(SITE).orElseThrow().contentHash()))
        .body("action", is("custom"))
        .body("method", is("settings"))
        .body("choices.statistics", is(true))
        .body("language", is("fr"));
    given()
        .when()
        .get("/v1/sites/consent-api-other/consents/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().when().get("/v1/sites/" + SITE + "/consents/not-a-uuid").then().statusCode(404);
    given()
        .when()
        .get("/v1/sites/" + SITE + "/consents/" + UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  @Test
  void shouldShowAReceiptToTheSitesOwnPagesOnly() {
    publishOnce();
    String receipt =
        "/v1/sites/"
            + SITE
            + "/consents/"
            + post(CUSTOM).statusCode(201).extract().path("consentId");

    given()
        .header("Origin", ORIGIN)
        .when()
        .get(receipt)
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", is(ORIGIN))
        .header("Vary", containsString("Origin"))
        .header("Set-Cookie", nullValue());
    given()
        .header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "GET")
        .when()
        .options(receipt)
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", is(ORIGIN))
        .header("Access-Control-Allow-Methods", containsString("GET"))
        .header("Set-Cookie", nullValue());
    given()
        .header("Origin", "https://evil.example")
        .when()
        .get(receipt)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void shouldRefuseAnUndeclaredOriginBeforeReadingTheBody() {
    publishOnce();
    long before = count();

    given()
        .header("Origin", "https://evil.example")
        .contentType(ContentType.JSON)
        .body("{\"policyVersion\":1,\"policyVersion\":1,\"action\":\"accept_all\"}")
        .when()
        .post("/v1/sites/" + SITE + "/consents")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Set-Cookie", nullValue());

    assertEquals(before, count());
  }

  @Test
  void shouldAnswerANonCanonicalIdAsAnUnknownOne() {
    publishOnce();
    String id = post(CUSTOM).statusCode(201).extract().path("consentId");
    // UUID.fromString reads "1-1-1-1-1" as 00000001-0001-0001-0001-000000000001.
    for (String path :
        new String[] {
          "/consents/1-1-1-1-1",
          "/consents/1-1-1-1-1/status?category=statistics",
          "/consents/"
              + id.toUpperCase(java.util.Locale.ROOT).replace("-", "")
              + "/status?category=statistics"
        }) {
      given()
          .when()
          .get("/v1/sites/" + SITE + path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    given()
        .when()
        .get("/v1/sites/" + SITE + "/consents/" + id.toUpperCase(java.util.Locale.ROOT))
        .then()
        .statusCode(200)
        .body("consentId", is(id));
  }

  @Test
  void shouldTellATenantsBackEndWhatADecisionMeansNow() {
    publishOnce();
    ExtractableResponse<Response> answer = post(CUSTOM).statusCode(201).extract();
    String first = answer.path("consentId");
    String visitor =
        given()
            .when()
            .get("/v1/sites/" + SITE + "/consents/" + first)
            .then()
            .extract()
            .path("visitorId");

    status(first, "statistics").body("status", is("granted"));
    status(first, "marketing").body("status", is("denied"));
    post("{\"visitorId\":\""
            + visitor
            + "\",\"visitorToken\":\""
            + answer.path("visitorToken")
            + "\",\"policyVersion\":1,\"action\":\"reject_all\",\"method\":\"settings\"}")
        .statusCode(201);
    status(first, "statistics").body("status", is("superseded"));

    given()
        .when()
        .get("/v1/sites/" + SITE + "/consents/" + first + "/status?category=ads")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    given()
        .when()
        .get("/v1/sites/" + SITE + "/consents/" + first + "/status")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .when()
        .get("/v1/sites/consent-api-other/consents/" + first + "/status?category=statistics")
        .then()
        .statusCode(404);
  }

  private static ValidatableResponse status(String id, String category) {
    return given()
        .when()
        .get("/v1/sites/" + SITE + "/consents/" + id + "/status?category=" + category)
        .then()
        .statusCode(200)
        .contentType("application/json");
  }

  /**
   * A decision on the version memory holds is answered on the I/O thread, ahead of the REST layer;
   * an {@code Accept} that refuses something outright is left to the REST layer's negotiation. The
   * visitor's page must not be able to tell which one answered.
   */
  @Test
  void shouldAnswerFromMemoryExactlyAsTheRestLayerDoes() throws Exception {
    policies.publish(SiteFixture.create("consent-paths"), "test");
    Notifications.awaitEverySoFar(dataSource, listener);
    given().get("/v1/sites/consent-paths/banner").then().statusCode(200);

    Response fromMemory = postFromPageOf("consent-paths", "application/json");
    Response fromRestLayer = postFromPageOf("consent-paths", "application/json, text/html;q=0");

    for (Response answer : List.of(fromMemory, fromRestLayer)) {
      assertEquals(201, answer.statusCode(), answer.asString());
      assertEquals("https://consent-paths.example", answer.header("Access-Control-Allow-Origin"));
      assertEquals("true", answer.header("Access-Control-Allow-Credentials"));
      assertEquals("Origin", answer.header("Vary"));
      assertEquals("nosniff", answer.header("X-Content-Type-Options"));
      assertEquals(
          "default-src 'none'; frame-ancestors 'none'", answer.header("Content-Security-Policy"));
      assertTrue(
          answer.header("Content-Type").startsWith("application/json"),
          answer.header("Content-Type"));
      assertTrue(
          List.of("identity", "none")
              .contains(String.valueOf(answer.header("Content-Encoding")).replace("null", "none")),
          "half a kilobyte is sent as it is, not " + answer.header("Content-Encoding"));
      assertTrue(
          answer
              .header("Location")
              .matches(
                  "http://consent-paths\\.example/v1/sites/consent-paths/consents/[0-9a-f-]{36}"),
          answer.header("Location"));
      assertTrue(
          answer
              .header("Set-Cookie")
              .matches("cookies_preferences=[^;]+; Path=/; Max-Age=\\d+; SameSite=Lax"),
          answer.header("Set-Cookie"));
      String id = answer.path("consentId");
      assertEquals(id, stored(id).id.toString(), "committed before the answer");
    }
    assertEquals(
        new java.util.TreeSet<>(
            fromRestLayer.headers().asList().stream().map(h -> h.getName().toLowerCase()).toList()),
        new java.util.TreeSet<>(
            fromMemory.headers().asList().stream().map(h -> h.getName().toLowerCase()).toList()));
    Map<String, Object> memoryBody = fromMemory.jsonPath().getMap("");
    Map<String, Object> restBody = fromRestLayer.jsonPath().getMap("");
    assertEquals(restBody.keySet(), memoryBody.keySet());
    assertEquals(restBody.get("choices"), memoryBody.get("choices"));
    assertEquals(restBody.get("policyVersion"), memoryBody.get("policyVersion"));
  }

  /**
   * Over HTTP/2 (as Java's client and browsers speak it), a request whose body has been read cannot
   * be handed to another layer: every outcome, on either path, is an answer, never a 500.
   */
  @Test
  void shouldAnswerEveryDecisionOverHttp2() throws Exception {
    long site = SiteFixture.create("consent-h2");
    policies.publish(site, "test");
    QuarkusTransaction.requiringNew()
        .run(() -> Site.<Site>findById(site).refusalLifetimeDays += 1); // a change to publish
    policies.publish(site, "test");
    Notifications.awaitEverySoFar(dataSource, listener);
    given().get("/v1/sites/consent-h2/banner").then().statusCode(200).body("version", is(2));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    String current =
        "{\"policyVersion\":2,\"action\":\"accept_all\",\"lang\":\"en\",\"method\":\"banner\"}";

    // The version in memory, then an older one (looked up on a worker), then the REST layer's.
    assertEquals(201, h2(client, current, "application/json").statusCode());
    assertEquals(201, h2(client, current.replace(":2,", ":1,"), "application/json").statusCode());
    assertEquals(201, h2(client, current, "application/json, text/html;q=0").statusCode());
    // Refusals after the body was read: malformed, a language the site does not offer, too large.
    HttpResponse<String> malformed = h2(client, "{\"policyVersion\":", "application/json");
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertEquals(
        "application/problem+json", malformed.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        "https://consent-h2.example",
        malformed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<String> language =
        h2(client, current.replace("\"en\"", "\"de\""), "application/json");
    assertEquals(422, language.statusCode(), language.body());
    assertTrue(language.body().contains("lang"), language.body());
    HttpResponse<String> large =
        h2(
            client,
            current.replace("}", ",\"x\":\"" + "x".repeat(9_000) + "\"}"),
            "application/json");
    assertEquals(413, large.statusCode(), large.body());
    assertEquals(HttpClient.Version.HTTP_2, large.version(), "the server spoke HTTP/2");
    assertEquals(
        3L,
        (long)
            QuarkusTransaction.requiringNew()
                .call(() -> ConsentRecord.count("site.key", "consent-h2")));
  }

  private HttpResponse<String> h2(HttpClient client, String body, String accept) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(root + "v1/sites/consent-h2/consents"))
            .header("Origin", "https://consent-h2.example")
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Response postFromPageOf(String site, String accept) {
    return given()
        .header("Origin", "https://" + site + ".example")
        .header("Host", site + ".example")
        .header("Accept", accept)
        .header("Accept-Encoding", "gzip")
        .contentType(ContentType.JSON)
        .body(accept())
        .when()
        .post("/v1/sites/" + site + "/consents");
  }

  private static String accept() {
    return "{\"policyVersion\":1,\"action\":\"accept_all\",\"lang\":\"en\",\"method\":\"banner\"}";
  }

  private static ConsentRecord stored(String id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ConsentRecord.findById(UUID.fromString(id)));
  }

  /** A decision as a browser sends it from one of the site's pages: with their origin. */
  @Test
  void shouldRecordASignalDecisionOnlyUnderGpcWhereTheVisitorMayOptOut() {
    // Where the region is unknown (the tests' client is no trusted proxy) this site opts out.
    long id = SiteFixture.create("consent-signal");
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ((Site) Site.findById(id)).regionRules =
                    new RegionRules(List.of(), Experience.OPT_OUT));
    policies.publish(id, "test");
    publishOnce(); // SITE opts in everywhere else: the platform's default for an unknown region
    String refusal =
        "{\"policyVersion\":1,\"action\":\"custom\",\"choices\":{\"necessary\":true,"
            + "\"statistics\":true,\"marketing\":%s},\"method\":\"signal\",\"gpc\":%s}";

    signal("consent-signal", refusal.formatted("false", "false"))
        .statusCode(422)
        .body("errors[0].field", is("method"));
    signal("consent-signal", refusal.formatted("true", "true"))
        .statusCode(422)
        .body("errors[0].field", is("method"));
    signal(SITE, refusal.formatted("false", "true"))
        .statusCode(422)
        .body("errors[0].field", is("method"));
    assertEquals(0, count("consent-signal"));

    String consentId =
        signal("consent-signal", refusal.formatted("false", "true"))
            .statusCode(201)
            .extract()
            .path("consentId");
    ConsentRecord record = stored(consentId);
    assertEquals(ConsentMethod.SIGNAL, record.method);
    assertTrue(record.gpc);
    assertEquals(Experience.OPT_OUT, record.experience);
    assertEquals(null, record.region);
    assertEquals(1, count("consent-signal"));
  }

  private static ValidatableResponse signal(String site, String body) {
    return given()
        .header("Origin", "https://" + site + ".example")
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/v1/sites/" + site + "/consents")
        .then()
        .log()
        .ifValidationFails();
  }

  private static long count(String site) {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", site));
  }

  private static ValidatableResponse postFromPage(String body) {
    return given()
        .header("Origin", ORIGIN)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/v1/sites/" + SITE + "/consents")
        .then()
        .log()
        .ifValidationFails();
  }

  private static ValidatableResponse post(String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/v1/sites/" + SITE + "/consents")
        .then()
        .log()
        .ifValidationFails();
  }

  private static long count() {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", SITE));
  }
}
