package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Decisions;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tenant API names a site by its id or by its public key, alike everywhere: every site-scoped
 * operation, enumerated from the OpenAPI document, answers the key exactly as the id; another
 * tenant's key is not found; and a new key must contain a letter so that it never reads as an id.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class SiteKeysTest {

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject ObjectMapper json;

  @Test
  void shouldAnswerEveryReadOfASiteByItsKeyAsByItsId() throws Exception {
    long site = Tenants.siteWithTenant("keys-reads");
    Tenants.member(site, "keys-reads-owner", Role.OWNER);
    policies.publish(site, "test");
    var decision =
        consents.recordDecision("keys-reads", Decisions.onBanner(ConsentAction.ACCEPT_ALL));
    Map<String, Object> ids = new LinkedHashMap<>();
    ids.put("categoryId", as("keys-reads-owner").get(base(site) + "/categories").path("[0].id"));
    ids.put("providerId", as("keys-reads-owner").get(base(site) + "/providers").path("[0].id"));
    ids.put("cookieId", as("keys-reads-owner").get(base(site) + "/cookies").path("[0].id"));
    ids.put("scanId", as("keys-reads-owner").post(base(site) + "/scans").path("id"));
    ids.put("number", 1);
    ids.put("visitorId", decision.visitorId);

    List<String> paths = siteScopedReads();
    assertTrue(paths.size() >= 15, "the OpenAPI document lists the site's reads: " + paths);
    List<String> differences = new ArrayList<>();
    for (String template : paths) {
      Response byId = read(fill(template, ids, String.valueOf(site)));
      Response byKey = read(fill(template, ids, "keys-reads"));
      if (byId.statusCode() != 200) {
        differences.add(template + " by id -> " + byId.statusCode() + " " + byId.asString());
      } else if (byKey.statusCode() != byId.statusCode()
          || !sameContent(byId.asString(), byKey.asString())) {
        differences.add(
            template
                + " by key -> "
                + byKey.statusCode()
                + " "
                + byKey.asString()
                + " <> "
                + byId.asString());
      }
    }
    assertEquals(List.of(), differences);
  }

  @Test
  void shouldChangeASiteNamedByItsKey() {
    long site = Tenants.siteWithTenant("keys-writes");
    Tenants.member(site, "keys-writes-editor", Role.EDITOR);

    as("keys-writes-editor")
        .contentType(ContentType.JSON)
        .body(
            "{\"key\":\"video\",\"purpose\":\"MARKETING\",\"required\":false,\"position\":5,"
                + "\"texts\":{\"en\":{\"name\":\"Video\",\"description\":\"Embedded videos\"}}}")
        .post("/v1/tenant/sites/keys-writes/categories")
        .then()
        .statusCode(201)
        .header("Location", containsString("/v1/tenant/sites/keys-writes/categories/"));
    String etag = as("keys-writes-editor").get("/v1/tenant/sites/keys-writes").header("ETag");
    as("keys-writes-editor")
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(
            "{\"key\":\"keys-writes\",\"name\":\"Renamed by key\",\"domains\":[],"
                + "\"languages\":[\"en\",\"fr\"],\"defaultLanguage\":\"en\"}")
        .put("/v1/tenant/sites/keys-writes")
        .then()
        .statusCode(200)
        .body("id", is((int) site))
        .body("name", is("Renamed by key"));
    as("keys-writes-editor")
        .post("/v1/tenant/sites/keys-writes/versions")
        .then()
        .statusCode(201)
        .header("Location", containsString("/v1/tenant/sites/keys-writes/versions/1"));
    as("keys-writes-editor")
        .get("/v1/tenant/sites/" + site + "/categories")
        .then()
        .body("key", hasItem("video"));
  }

  @Test
  void shouldNotFindAnotherTenantsSiteByItsKey() {
    long mine = Tenants.siteWithTenant("keys-mine");
    Tenants.member(mine, "keys-mine-owner", Role.OWNER);
    long theirs = Tenants.siteWithTenant("keys-theirs");
    policies.publish(theirs, "test");

    for (String path :
        List.of(
            "/v1/tenant/sites/keys-theirs",
            "/v1/tenant/sites/keys-theirs/categories",
            "/v1/tenant/sites/keys-theirs/consents",
            "/v1/tenant/sites/keys-theirs/versions/1",
            "/v1/tenant/sites/no-such-site/cookies",
            "/v1/tenant/sites/123456789012345678901234567890/cookies")) {
      as("keys-mine-owner")
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("status", is(404));
    }
    as("keys-mine-owner")
        .post("/v1/tenant/sites/keys-theirs/archive")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    assertFalse(
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(theirs).isArchived()),
        "the other tenant's site is untouched");
  }

  @Test
  void shouldRefuseANewKeyWithoutALetter() {
    long site = Tenants.siteWithTenant("keys-digits");
    Tenants.member(site, "keys-digits-editor", Role.EDITOR);

    as("keys-digits-editor")
        .contentType(ContentType.JSON)
        .body(
            "{\"key\":\"20261201\",\"name\":\"Digits\",\"domains\":[],\"languages\":[\"en\"],"
                + "\"defaultLanguage\":\"en\"}")
        .post("/v1/tenant/sites")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", is("key"))
        .body("errors[0].message", containsString("letter"));

    assertEquals(
        0L,
        QuarkusTransaction.requiringNew().call(() -> Site.count("key", "20261201")),
        "nothing was created");
    as("keys-digits-editor")
        .contentType(ContentType.JSON)
        .body(
            "{\"key\":\"2026-city\",\"name\":\"Digits and a word\",\"domains\":[],"
                + "\"languages\":[\"en\"],\"defaultLanguage\":\"en\"}")
        .post("/v1/tenant/sites")
        .then()
        .statusCode(201);
  }

  /** The site-scoped reads of the tenant API, from its OpenAPI document: a new one is covered. */
  @SuppressWarnings("unchecked")
  private static List<String> siteScopedReads() {
    Map<String, Map<String, Object>> paths =
        given()
            .accept("application/json")
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("paths");
    List<String> reads = new ArrayList<>();
    new TreeMap<>(paths)
        .forEach(
            (path, methods) -> {
              if (path.startsWith("/v1/tenant/sites/{siteId}") && methods.containsKey("get")) {
                reads.add(path);
              }
            });
    return reads;
  }

  private static String fill(String template, Map<String, Object> ids, String site) {
    Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(template);
    StringBuilder path = new StringBuilder();
    while (parameter.find()) {
      Object value = "siteId".equals(parameter.group(1)) ? site : ids.get(parameter.group(1));
      if (value == null) {
        throw new AssertionError("Give this suite a value for {" + parameter.group(1) + "}");
      }
      parameter.appendReplacement(path, String.valueOf(value));
    }
    parameter.appendTail(path);
    return path.toString();
  }

  private static Response read(String path) {
    RequestSpecification request = as("keys-reads-owner");
    if (path.endsWith("/diff")) {
      request = request.queryParam("from", "1").queryParam("to", "draft");
    }
    return request.get(path);
  }

  /** Equal answers; JSON compared as JSON, without the time a verification ran, if it says one. */
  private boolean sameContent(String one, String other) throws Exception {
    if (!one.startsWith("{") && !one.startsWith("[")) {
      return one.equals(other);
    }
    JsonNode a = json.readTree(one);
    JsonNode b = json.readTree(other);
    return a.equals(b) || withoutTimes(a).equals(withoutTimes(b));
  }

  private static JsonNode withoutTimes(JsonNode node) {
    JsonNode copy = node.deepCopy();
    if (copy.isObject()) {
      Iterator<String> names = copy.fieldNames();
      List<String> times = new ArrayList<>();
      names.forEachRemaining(
          n -> {
            if (n.endsWith("At")) times.add(n);
          });
      times.forEach(((com.fasterxml.jackson.databind.node.ObjectNode) copy)::remove);
    }
    return copy;
  }

  private static String base(long site) {
    return "/v1/tenant/sites/" + site;
  }

  static RequestSpecification as(String subject) {
    return given().auth().oauth2(OidcServer.token(subject)).when();
  }
}
