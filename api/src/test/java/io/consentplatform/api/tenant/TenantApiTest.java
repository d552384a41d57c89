package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class TenantApiTest {

  private static final String CATEGORY =
      "{\"key\":\"video\",\"purpose\":\"MARKETING\",\"required\":false,\"position\":5,"
          + "\"texts\":{\"en\":{\"name\":\"Video\",\"description\":\"Embedded videos\"}}}";

  private static long site;

  @BeforeEach
  void tenant() {
    if (site == 0) {
      site = TenantsOverHttp.siteOfNewTenant("api-shop", "owner-shop");
      TenantsOverHttp.member("owner-shop", "editor-shop", "EDITOR");
      TenantsOverHttp.member("owner-shop", "viewer-shop", "VIEWER");
      TenantsOverHttp.publish(site, "owner-shop");
    }
  }

  @Test
  void shouldRefuseAnonymousCallersWithAProblem() {
    given()
        .when()
        .get("/v1/tenant/sites")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Bearer"));
    given()
        .auth()
        .oauth2("not-a-token")
        .when()
        .get("/v1/tenant/sites")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldTellWhoIsCalling() {
    as("editor-shop")
        .get("/v1/tenant")
        .then()
        .statusCode(200)
        .body("tenant", is("t-api-shop"))
        .body("role", is("EDITOR"))
        .body("actor", is(OidcServer.ISSUER + "#editor-shop"))
        .body("email", is("editor-shop@example.org"));
  }

  @Test
  void shouldRefuseAPersonWhoBelongsToNoTenant() {
    as("stranger")
        .get("/v1/tenant/sites")
        .then()
        .statusCode(403)
        .body("detail", is("You are not a member of any tenant"));
  }

  @Test
  void shouldLetAnEditorDeclareAndAViewerOnlyRead() {
    long category =
        as("editor-shop")
            .contentType(ContentType.JSON)
            .body(CATEGORY)
            .post("/v1/tenant/sites/" + site + "/categories")
            .then()
            .statusCode(201)
            .header("Location", containsString("/categories/"))
            .header("ETag", is("\"0\""))
            .body("key", is("video"))
            .extract()
            .<Number>path("id")
            .longValue();

    as("viewer-shop")
        .get("/v1/tenant/sites/" + site + "/categories")
        .then()
        .statusCode(200)
        .body("key", hasItem("video"));
    as("viewer-shop")
        .contentType(ContentType.JSON)
        .body(CATEGORY.replace("video", "maps"))
        .post("/v1/tenant/sites/" + site + "/categories")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as("viewer-shop")
        .delete("/v1/tenant/sites/" + site + "/categories/" + category)
        .then()
        .statusCode(403);
    as("viewer-shop")
        .get("/v1/tenant/sites/" + site + "/categories")
        .then()
        .body("key", hasItem("video"));
  }

  @Test
  void shouldRefuseAStaleEditWithAConflict() {
    String body = CATEGORY.replace("video", "chat");
    ValidatableResponse created =
        as("editor-shop")
            .contentType(ContentType.JSON)
            .body(body)
            .post("/v1/tenant/sites/" + site + "/categories")
            .then()
            .statusCode(201);
    long id = created.extract().<Number>path("id").longValue();
    String etag = created.extract().header("ETag");

    String renamed = body.replace("Video", "Live chat");
    String newEtag =
        as("editor-shop")
            .contentType(ContentType.JSON)
            .header("If-Match", etag)
            .body(renamed)
            .put("/v1/tenant/sites/" + site + "/categories/" + id)
            .then()
            .statusCode(200)
            .body("texts.en.name", is("Live chat"))
            .extract()
            .header("ETag");
    as("editor-shop")
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(body)
        .put("/v1/tenant/sites/" + site + "/categories/" + id)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    assertFalse(etag.equals(newEtag));
    as("editor-shop")
        .get("/v1/tenant/sites/" + site + "/categories/" + id)
        .then()
        .body("texts.en.name", is("Live chat"))
        .header("ETag", is(newEtag));
  }

  @Test
  void shouldNameEveryFieldThatFailsValidationAndChangeNothing() {
    long before = count("Category", site);

    as("editor-shop")
        .contentType(ContentType.JSON)
        .body("{\"key\":\"Bad Key\",\"purpose\":\"MARKETING\",\"position\":-1,\"texts\":{}}")
        .post("/v1/tenant/sites/" + site + "/categories")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("key"))
        .body("errors.field", hasItem("position"))
        .body("errors.field", hasItem("texts"));
    as("editor-shop")
        .contentType(ContentType.JSON)
        .body("{\"key\":\"x\",\"purpose\":\"NOPE\"}")
        .post("/v1/tenant/sites/" + site + "/categories")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as("editor-shop")
        .contentType(ContentType.JSON)
        .body(CATEGORY.replace("\"position\":5", "\"position\":5,\"admin\":true"))
        .post("/v1/tenant/sites/" + site + "/categories")
        .then()
        .statusCode(400);

    assertEquals(before, count("Category", site));
  }

  @Test
  void shouldPublishTheDraftAndShowWhatChanged() {
    long other = TenantsOverHttp.siteOfNewTenant("api-publish", "owner-publish");
    TenantsOverHttp.member("owner-publish", "editor-publish", "EDITOR");
    TenantsOverHttp.publish(other, "owner-publish");
    as("editor-publish")
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"_hjid\",\"wildcard\":false,\"provider\":\"Analytics Inc.\",\"category\":\"statistics\","
                + "\"retention\":\"1 year\",\"party\":\"FIRST_PARTY\",\"position\":3,"
                + "\"texts\":{\"en\":{\"functionAndLocation\":\"Heatmaps (all pages)\",\"purposes\":\"To tell visits apart\"}}}")
        .post("/v1/tenant/sites/" + other + "/cookies")
        .then()
        .statusCode(201);

    as("editor-publish")
        .get("/v1/tenant/sites/" + other + "/versions/draft")
        .then()
        .statusCode(200)
        .body("changedSinceLatest", is(true))
        .body("latest", is(1));
    as("editor-publish")
        .get("/v1/tenant/sites/" + other + "/versions/diff?from=1&to=draft")
        .then()
        .statusCode(200)
        .body("cookies.added", contains("_hjid"));
    as("editor-publish")
        .post("/v1/tenant/sites/" + other + "/versions")
        .then()
        .statusCode(201)
        .body("number", is(2))
        .body("publishedBy", is(OidcServer.ISSUER + "#editor-publish"))
        .body("publishedByEmail", is("editor-publish@example.org"));
    as("editor-publish")
        .post("/v1/tenant/sites/" + other + "/versions")
        .then()
        .statusCode(409)
        .body("detail", is("Nothing changed since version 2"));
    as("editor-publish")
        .get("/v1/tenant/sites/" + other + "/versions")
        .then()
        .body("number", contains(2, 1));
    as("editor-publish")
        .get("/v1/tenant/sites/" + other + "/versions/2")
        .then()
        .body("snapshot.cookies.name", hasItem("_hjid"));
    given().when().get("/v1/sites/api-publish/banner").then().body("version", is(2));
  }

  @Test
  void shouldKeepAnAuditTrailForOwners() {
    as("editor-shop")
        .contentType(ContentType.JSON)
        .body(CATEGORY.replace("video", "audited"))
        .post("/v1/tenant/sites/" + site + "/categories")
        .then()
        .statusCode(201);

    as("owner-shop")
        .get("/v1/tenant/audit")
        .then()
        .statusCode(200)
        .body(
            "find { it.entity == 'category' && it.after.key == 'audited' }.actor",
            is(OidcServer.ISSUER + "#editor-shop"))
        .body(
            "find { it.entity == 'category' && it.after.key == 'audited' }.actorEmail",
            is("editor-shop@example.org"))
        .body("find { it.entity == 'category' && it.after.key == 'audited' }.action", is("create"))
        .body("find { it.entity == 'category' && it.after.key == 'audited' }.before", nullValue());
    as("editor-shop").get("/v1/tenant/audit").then().statusCode(403);
  }

  @Test
  void shouldIssueApiKeysShownOnceStoredAsHashesAndRevocable() {
    String secret =
        as("owner-shop")
            .contentType(ContentType.JSON)
            .body("{\"name\":\"CI\",\"role\":\"VIEWER\"}")
            .post("/v1/tenant/api-keys")
            .then()
            .statusCode(201)
            .header("Cache-Control", is("no-store"))
            .body("secret", notNullValue())
            .body("key.prefix", notNullValue())
            .extract()
            .path("secret");

    given()
        .header("X-Api-Key", secret)
        .when()
        .get("/v1/tenant/sites")
        .then()
        .statusCode(200)
        .body("key", contains("api-shop"));
    given()
        .header("X-Api-Key", secret)
        .contentType(ContentType.JSON)
        .body(CATEGORY.replace("video", "bykey"))
        .when()
        .post("/v1/tenant/sites/" + site + "/categories")
        .then()
        .statusCode(403);
    as("owner-shop")
        .get("/v1/tenant/api-keys")
        .then()
        .body("secret", everyItemNull())
        .body("find { it.name == 'CI' }.lastUsedAt", notNullValue());
    List<String> stored = TenantsOverHttp.rows("select key_hash || prefix || name from api_key");
    assertTrue(stored.stream().noneMatch(s -> s.contains(secret)), "the secret is stored nowhere");

    long id =
        as("owner-shop")
            .get("/v1/tenant/api-keys")
            .then()
            .extract()
            .<Number>path("find { it.name == 'CI' }.id")
            .longValue();
    as("editor-shop").delete("/v1/tenant/api-keys/" + id).then().statusCode(403);
    as("owner-shop").delete("/v1/tenant/api-keys/" + id).then().statusCode(204);
    given()
        .header("X-Api-Key", secret)
        .when()
        .get("/v1/tenant/sites")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldLetAPersonOfSeveralTenantsNameOne() {
    TenantsOverHttp.siteOfNewTenant("api-second", "owner-second");
    TenantsOverHttp.member("owner-shop", "consultant", "VIEWER");
    TenantsOverHttp.member("owner-second", "consultant", "EDITOR");

    as("consultant")
        .get("/v1/tenant/sites")
        .then()
        .statusCode(403)
        .body("detail", containsString("several tenants"));
    given()
        .auth()
        .oauth2(OidcServer.token("consultant", "t-api-second"))
        .when()
        .get("/v1/tenant/sites")
        .then()
        .statusCode(200)
        .body("key", contains("api-second"));
    given()
        .auth()
        .oauth2(OidcServer.token("consultant", "t-unknown"))
        .when()
        .get("/v1/tenant/sites")
        .then()
        .statusCode(403);
  }

  @Test
  void shouldLetOnlyPlatformOperatorsCreateTenants() {
    String body =
        "{\"slug\":\"newsroom\",\"name\":\"The Newsroom\",\"ownerSubject\":\"editor-in-chief\",\"ownerEmail\":\"chief@newsroom.example\"}";

    as("owner-shop")
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/platform/tenants")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(OidcServer.operatorToken("ops"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/v1/platform/tenants")
        .then()
        .statusCode(201)
        .body("slug", is("newsroom"));
    given()
        .auth()
        .oauth2(OidcServer.operatorToken("ops"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/v1/platform/tenants")
        .then()
        .statusCode(409);

    as("editor-in-chief")
        .get("/v1/tenant")
        .then()
        .statusCode(200)
        .body("tenant", is("newsroom"))
        .body("role", is("OWNER"));
    as("editor-in-chief").get("/v1/tenant/sites").then().statusCode(200).body("$", empty());
  }

  @Test
  void shouldDeclareWhereAnItemIsKeptAndRefuseAStorageKeyThatCannotBe() {
    String key =
        "{\"name\":\"cart_\",\"wildcard\":true,\"provider\":\"Analytics Inc.\","
            + "\"category\":\"statistics\",\"retention\":{\"unit\":\"SESSION\"},"
            + "\"party\":\"FIRST_PARTY\",\"position\":4,\"storage\":\"SESSION_STORAGE\","
            + "\"texts\":{\"en\":{\"functionAndLocation\":\"Cart\",\"purposes\":\"To keep the"
            + " cart\"}}}";
    long before = count("Cookie", site);
    as("editor-shop")
        .contentType(ContentType.JSON)
        .body(key.replace("\"position\"", "\"httpOnly\":true,\"position\""))
        .post("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", is("httpOnly"));
    as("editor-shop")
        .contentType(ContentType.JSON)
        .body(key.replace("FIRST_PARTY", "THIRD_PARTY"))
        .post("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .statusCode(422)
        .body("errors[0].field", is("party"));
    as("editor-shop")
        .contentType(ContentType.JSON)
        .body(key.replace("SESSION_STORAGE", "DISK"))
        .post("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    assertEquals(before, count("Cookie", site), "nothing stored");

    long id =
        as("editor-shop")
            .contentType(ContentType.JSON)
            .body(key)
            .post("/v1/tenant/sites/" + site + "/cookies")
            .then()
            .statusCode(201)
            .body("storage", is("SESSION_STORAGE"))
            .body("httpOnly", is(false))
            .extract()
            .<Number>path("id")
            .longValue();
    as("viewer-shop")
        .get("/v1/tenant/sites/" + site + "/cookies/" + id)
        .then()
        .statusCode(200)
        .body("storage", is("SESSION_STORAGE"));
    // Without the field, a declaration is a cookie, as before; HttpOnly a cookie may be.
    as("editor-shop")
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(
            key.replace(",\"storage\":\"SESSION_STORAGE\"", ",\"httpOnly\":true")
                .replace("cart_", "sid"))
        .put("/v1/tenant/sites/" + site + "/cookies/" + id)
        .then()
        .statusCode(200)
        .body("storage", is("COOKIE"))
        .body("httpOnly", is(true));
    // Another tenant's caller sees nothing of it.
    TenantsOverHttp.siteOfNewTenant("api-storage-other", "owner-storage-other");
    TenantsOverHttp.member("owner-storage-other", "editor-storage-other", "EDITOR");
    as("editor-storage-other")
        .get("/v1/tenant/sites/" + site + "/cookies/" + id)
        .then()
        .statusCode(404);
  }

  @Test
  void shouldRefuseToDeleteACategoryThatStillHasCookies() {
    long statistics =
        as("editor-shop")
            .get("/v1/tenant/sites/" + site + "/categories")
            .then()
            .extract()
            .<Number>path("find { it.key == 'statistics' }.id")
            .longValue();

    as("editor-shop")
        .delete("/v1/tenant/sites/" + site + "/categories/" + statistics)
        .then()
        .statusCode(409)
        .body("detail", containsString("still has cookies"));
  }

  private static org.hamcrest.Matcher<Iterable<? super Object>> everyItemNull() {
    return not(hasItem(notNullValue()));
  }

  static RequestSpecification as(String subject) {
    return given().log().ifValidationFails().auth().oauth2(OidcServer.token(subject)).when();
  }

  private static long count(String entity, long siteId) {
    String table = entity.equals("Category") ? "category" : "cookie";
    return Long.parseLong(
        TenantsOverHttp.rows("select count(*) from " + table + " where site_id = " + siteId)
            .get(0));
  }
}
