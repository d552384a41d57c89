package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.plan.Plan;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The worst failure of a multi-tenant platform: one tenant reaching another's data. Every operation
 * of the tenant API, enumerated from the OpenAPI document so that a new endpoint cannot be
 * forgotten, is called by tenant B (with a token, then with an API key) on tenant A's ids. Each
 * answer must be a refusal, no listing may show A's rows, and nothing in the database may change.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class IsolationTest {

  /** Appears in tenant A's data only: no answer to B may contain it. */
  private static final String A_MARK = "iso-tenant-a";

  @Test
  void shouldNeverLetTenantBSeeOrTouchTenantAsData() throws Exception {
    long siteA = TenantsOverHttp.siteOfNewTenant(A_MARK, "owner-a");
    long siteB = TenantsOverHttp.siteOfNewTenant("iso-tenant-b", "owner-b");
    TenantsOverHttp.publish(siteA, "owner-a");
    TenantsOverHttp.publish(siteB, "owner-b");
    String visitorOfA = TenantsOverHttp.acceptAll(A_MARK);
    Map<String, Object> idsOfA = idsOf(siteA, "owner-a");
    idsOfA.put("visitorId", visitorOfA);
    String keyOfB =
        given()
            .auth()
            .oauth2(OidcServer.token("owner-b"))
            .contentType(ContentType.JSON)
            .body("{\"name\":\"b-key\",\"role\":\"OWNER\"}")
            .when()
            .post("/v1/tenant/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");

    List<Operation> operations = tenantOperations();
    assertTrue(
        operations.size() >= 30, "the OpenAPI document lists the tenant API: " + operations.size());
    Map<String, String> before = databaseFingerprint();
    List<String> checked = new ArrayList<>();
    // A's ids alone, then B's own site with A's ids inside it.
    List<Map<String, Object>> idSets = List.of(idsOf(siteA, idsOfA), idsOf(siteB, idsOfA));
    for (Operation operation : operations) {
      for (Map<String, Object> ids : idSets) {
        String path = fill(operation.path(), ids);
        boolean targetsA = !path.equals(operation.path());
        if (!targetsA && ids != idSets.get(0)) {
          continue; // nothing of A's in this path: called once is enough
        }
        if (ids != idSets.get(0)
            && !operation.path().matches(".*/\\{(categoryId|cookieId|providerId|scanId)}.*")) {
          continue; // only global ids nested under the site; version numbers are per site
        }
        for (Map.Entry<String, Supplier<RequestSpecification>> as : callersOfB(keyOfB).entrySet()) {
          Response answer =
              as.getValue()
                  .get()
                  .contentType(bodyType(path))
                  .body(body(path))
                  .queryParams(query(path))
                  .request(operation.method(), path);
          String what =
              as.getKey() + " " + operation.method() + " " + path + " -> " + answer.statusCode();
          assertFalse(
              answer.asString().contains(A_MARK),
              what + " shows tenant A's data: " + answer.asString());
          assertTrue(answer.statusCode() < 500, what + ": " + answer.asString());
          if (operation.path().startsWith("/v1/platform")) {
            // The platform's own operations: no tenant's key or member gets anywhere.
            assertEquals(403, answer.statusCode(), what + " is the operators' only");
          }
          if (targetsA) {
            assertTrue(
                answer.statusCode() == 404 || answer.statusCode() == 403,
                what + " must be refused: " + answer.asString());
          }
          checked.add(what);
        }
      }
    }
    assertEquals(before, databaseFingerprint(), "tenant B changed nothing of tenant A's");
    System.out.printf(
        "Isolation: %d calls on %d operations refused or empty%n",
        checked.size(), operations.size());
    checked.forEach(line -> System.out.println("  " + line));
  }

  /**
   * The platform API is the operators' alone: a tenant's API key, its owner's and a plain member's
   * token are refused on every operation; and an operator key reaches no tenant's API.
   */
  @Test
  void shouldKeepThePlatformApiToOperatorsAndOperatorKeysOutOfTenants() throws Exception {
    TenantsOverHttp.siteOfNewTenant("iso-platform", "iso-platform-owner");
    TenantsOverHttp.member("iso-platform-owner", "iso-platform-viewer", "VIEWER");
    String tenantKey = ownerKey("iso-platform-owner");
    String operatorKey =
        given()
            .auth()
            .oauth2(OidcServer.operatorToken("iso-operator"))
            .contentType(ContentType.JSON)
            .body("{\"name\":\"iso\"}")
            .post("/v1/platform/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    Map<String, Supplier<RequestSpecification>> tenantCallers = new LinkedHashMap<>();
    tenantCallers.put("tenant's API key", () -> given().header("X-Api-Key", tenantKey));
    tenantCallers.put(
        "owner's token", () -> given().auth().oauth2(OidcServer.token("iso-platform-owner")));
    tenantCallers.put(
        "member's token", () -> given().auth().oauth2(OidcServer.token("iso-platform-viewer")));
    String before = platformFingerprint();
    int platformOperations = 0;
    List<String> wrong = new ArrayList<>();
    for (Operation operation : tenantOperations()) {
      String path = operation.path().replaceAll("\\{[^}]+}", "1");
      Map<String, Supplier<RequestSpecification>> callers =
          path.startsWith("/v1/platform")
              ? tenantCallers
              : Map.of("operator key", () -> given().header("X-Api-Key", operatorKey));
      platformOperations += path.startsWith("/v1/platform") ? 1 : 0;
      for (Map.Entry<String, Supplier<RequestSpecification>> as : callers.entrySet()) {
        Response answer =
            as.getValue()
                .get()
                .contentType(bodyType(path))
                .body(body(path))
                .queryParams(query(path))
                .request(operation.method(), path);
        if (answer.statusCode() != 403) {
          wrong.add(as.getKey() + " " + operation.method() + " " + path + ": " + answer.asString());
        }
      }
    }
    assertEquals(List.of(), wrong, "every call is refused with 403");
    assertTrue(platformOperations >= 10, "the platform API is listed: " + platformOperations);
    assertEquals(before, platformFingerprint(), "nobody but an operator changed the platform");
  }

  private static String ownerKey(String owner) {
    return given()
        .auth()
        .oauth2(OidcServer.token(owner))
        .contentType(ContentType.JSON)
        .body("{\"name\":\"owner-key\",\"role\":\"OWNER\"}")
        .when()
        .post("/v1/tenant/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("secret");
  }

  /** The platform's own rows: tenants and their states, operators, operator keys. */
  private String platformFingerprint() throws SQLException {
    StringBuilder rows = new StringBuilder();
    try (Connection connection = PostgresResource.superuser();
        Statement statement = connection.createStatement()) {
      for (String query :
          List.of(
              "select id, slug, state, plan from tenant order by id",
              "select subject from platform_operator order by subject",
              "select id, revoked_at from platform_api_key order by id")) {
        try (ResultSet result = statement.executeQuery(query)) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            for (int i = 1; i <= columns; i++) {
              rows.append(result.getString(i)).append('|');
            }
            rows.append('\n');
          }
        }
      }
    }
    return rows.toString();
  }

  private Map<String, Supplier<RequestSpecification>> callersOfB(String keyOfB) {
    Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
    callers.put("token of B", () -> given().auth().oauth2(OidcServer.token("owner-b")));
    callers.put("API key of B", () -> given().header("X-Api-Key", keyOfB));
    return callers;
  }

  record Operation(String method, String path) {}

  /** Every operation under /v1/tenant and /v1/platform, from the published OpenAPI document. */
  @SuppressWarnings("unchecked")
  static List<Operation> tenantOperations() {
    Map<String, Map<String, Object>> paths =
        given()
            .accept("application/json")
            .when()
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("paths");
    List<Operation> operations = new ArrayList<>();
    new TreeMap<>(paths)
        .forEach(
            (path, methods) -> {
              if (path.startsWith("/v1/tenant") || path.startsWith("/v1/platform")) {
                for (String method : methods.keySet()) {
                  if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    operations.add(new Operation(method.toUpperCase(), path));
                  }
                }
              }
            });
    return operations;
  }

  /** Tenant A's ids, by path parameter name. A parameter this suite does not know fails it. */
  static String fill(String template, Map<String, Object> ids) {
    Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(template);
    StringBuilder path = new StringBuilder();
    while (parameter.find()) {
      Object id = ids.get(parameter.group(1));
      if (id == null) {
        throw new AssertionError(
            "Path parameter {"
                + parameter.group(1)
                + "} of "
                + template
                + " is new: give the isolation suite tenant A's value for it");
      }
      parameter.appendReplacement(path, String.valueOf(id));
    }
    parameter.appendTail(path);
    return path.toString();
  }

  private static Map<String, Object> idsOf(long siteA, Map<String, Object> found) {
    Map<String, Object> ids = new LinkedHashMap<>(found);
    ids.put("siteId", siteA);
    return ids;
  }

  static Map<String, Object> idsOf(long siteA, String owner) {
    RequestSpecification asA = given().auth().oauth2(OidcServer.token(owner));
    Map<String, Object> ids = new LinkedHashMap<>();
    ids.put(
        "categoryId",
        given()
            .auth()
            .oauth2(OidcServer.token(owner))
            .get("/v1/tenant/sites/" + siteA + "/categories")
            .path("[0].id"));
    ids.put(
        "providerId",
        given()
            .auth()
            .oauth2(OidcServer.token(owner))
            .get("/v1/tenant/sites/" + siteA + "/providers")
            .path("[0].id"));
    ids.put(
        "cookieId",
        given()
            .auth()
            .oauth2(OidcServer.token(owner))
            .get("/v1/tenant/sites/" + siteA + "/cookies")
            .path("[0].id"));
    ids.put("number", 1);
    // The platform's plans and tenants (operators only): a real plan, tenant A itself.
    ids.put("code", Plan.UNLIMITED);
    ids.put("tenantId", TenantsOverHttp.tenantIdOf(siteA));
    ids.put(
        "scanId",
        given()
            .auth()
            .oauth2(OidcServer.token(owner))
            .post("/v1/tenant/sites/" + siteA + "/scans")
            .then()
            .statusCode(202)
            .extract()
            .path("id"));
    // A tenant of the platform API (/v1/platform/tenants/{id}/...): tenant A itself.
    ids.put("id", TenantsOverHttp.tenantIdOf(siteA));
    ids.put("subject", "local:" + owner + "@example.org");
    ids.put(
        "memberId",
        given().auth().oauth2(OidcServer.token(owner)).get("/v1/tenant/members").path("[0].id"));
    ids.put(
        "keyId",
        asA.contentType(ContentType.JSON)
            .body("{\"name\":\"" + A_MARK + "-key\",\"role\":\"VIEWER\"}")
            .post("/v1/tenant/api-keys")
            .path("key.id"));
    Object endpointId =
        given()
            .auth()
            .oauth2(OidcServer.token(owner))
            .contentType(ContentType.JSON)
            .body(
                "{\"url\":\"https://93.184.215.14/"
                    + A_MARK
                    + "\",\"description\":\""
                    + A_MARK
                    + "\",\"events\":[\"policy.published\"]}")
            .post("/v1/tenant/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("endpoint.id");
    ids.put("endpointId", endpointId);
    given()
        .auth()
        .oauth2(OidcServer.token(owner))
        .post("/v1/tenant/webhooks/" + endpointId + "/test")
        .then()
        .statusCode(202);
    ids.put(
        "deliveryId",
        given()
            .auth()
            .oauth2(OidcServer.token(owner))
            .get("/v1/tenant/webhooks/" + endpointId + "/deliveries")
            .path("[0].id"));
    return ids;
  }

  /** Query parameters an operation needs, so that only isolation can refuse it. */
  static Map<String, String> query(String path) {
    return path.endsWith("/diff") ? Map.of("from", "1", "to", "draft") : Map.of();
  }

  static String bodyType(String path) {
    return path.endsWith("/csv") ? "text/csv" : "application/json";
  }

  /** A body that would be valid for tenant A, so that only isolation can refuse it. */
  static String body(String path) {
    if (path.endsWith("/csv")) {
      return "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\r\n"
          + "1,Shop,Analytics,_b_stats,,Counts visits,1 year,Shop,,0\r\n";
    }
    if (path.endsWith("/categories") || path.matches(".*/categories/\\d+")) {
      return "{\"key\":\"b_made\",\"purpose\":\"STATISTICS\",\"required\":false,\"position\":9,\"texts\":{\"en\":{\"name\":\"B\",\"description\":\"B\"}}}";
    }
    if (path.endsWith("/providers") || path.matches(".*/providers/\\d+")) {
      return "{\"name\":\"B made\"}";
    }
    if (path.endsWith("/cookies") || path.matches(".*/cookies/\\d+")) {
      return "{\"name\":\"b_made\",\"wildcard\":false,\"provider\":\"Analytics Inc.\",\"category\":\"statistics\",\"retention\":\"1 day\","
          + "\"party\":\"FIRST_PARTY\",\"position\":1,\"texts\":{\"en\":{\"functionAndLocation\":\"B\",\"purposes\":\"B\"}}}";
    }
    if (path.matches(".*/sites/\\d+") || path.endsWith("/sites")) {
      return "{\"key\":\""
          + (path.endsWith("/sites") ? "b-made-site" : A_MARK)
          + "\",\"name\":\"B made\",\"domains\":[],\"languages\":[\"en\"],\"defaultLanguage\":\"en\"}";
    }
    if (path.endsWith("/adoptions")) {
      return "{\"findings\":[{\"name\":\"necessary_cookie\",\"domain\":\"iso.example\","
          + "\"category\":\"necessary\",\"provider\":\"Analytics Inc.\"}]}";
    }
    if (path.endsWith("/regions")) {
      return "{\"rules\":[{\"regions\":[\"US\"],\"experience\":\"none\"}],"
          + "\"otherwise\":\"none\",\"refusalLifetimeDays\":200}";
    }
    if (path.endsWith("/theme")) {
      return "{\"layout\":\"BAR\",\"background\":\"#000000\",\"text\":\"#ffffff\","
          + "\"accent\":\"#ffcc00\",\"accentText\":\"#000000\",\"dark\":false}";
    }
    if (path.endsWith("/scan-settings")) {
      return "{\"schedule\":\"WEEKLY\",\"pageCap\":5}";
    }
    if (path.endsWith("/members")) {
      return "{\"subject\":\"b-friend\",\"email\":\"friend@b.example\",\"role\":\"VIEWER\"}";
    }
    if (path.matches(".*/members/\\d+")) {
      return "{\"role\":\"VIEWER\"}";
    }
    if (path.endsWith("/webhooks") || path.matches(".*/webhooks/\\d+")) {
      return "{\"url\":\"https://93.184.215.14/b-made\",\"events\":[\"ledger.head\"]}";
    }
    if (path.endsWith("/api-keys")) {
      return "{\"name\":\"b-made\",\"role\":\"VIEWER\"}";
    }
    if (path.endsWith("/plan") && path.contains("/platform/tenants/")) {
      return "{\"plan\":\"unlimited\"}";
    }
    if (path.contains("/platform/plans")) {
      return "{\"code\":\"b-made\",\"name\":\"B made\",\"maxSites\":0}";
    }
    if (path.endsWith("/retention")) {
      return "{\"days\":400}";
    }
    if (path.endsWith("/platform/tenants")) {
      return "{\"slug\":\"b-made\",\"name\":\"B made\",\"ownerSubject\":\"b\",\"ownerEmail\":\"b@b.example\"}";
    }
    return "";
  }

  /** Every row of tenant A's tables, as text: equal fingerprints mean nothing of A's changed. */
  private Map<String, String> databaseFingerprint() throws SQLException {
    Map<String, String> fingerprint = new TreeMap<>();
    String tenantA = "(select tenant_id from site where site_key = '" + A_MARK + "')";
    String siteA = "(select id from site where site_key = '" + A_MARK + "')";
    Map<String, String> queries =
        new TreeMap<>(
            Map.of(
                "site", "select * from site where tenant_id = " + tenantA,
                "category", "select * from category where site_id = " + siteA,
                "provider", "select * from provider where site_id = " + siteA,
                "cookie", "select * from cookie where site_id = " + siteA,
                "policy_version",
                    "select id, number, content_hash from policy_version where site_id = " + siteA,
                "consent_record", "select id from consent_record where site_id = " + siteA,
                "tenant_member", "select * from tenant_member where tenant_id = " + tenantA,
                "api_key", "select id, name, revoked_at from api_key where tenant_id = " + tenantA,
                "audit_entry", "select id from audit_entry where tenant_id = " + tenantA,
                "scan",
                    "select id, status, requested_by, attempts, page_cap from scan where site_id = "
                        + siteA));
    queries.put(
        "webhook_endpoint",
        "select id, url, events, site_ids, enabled, secret from webhook_endpoint where tenant_id = "
            + tenantA);
    queries.put(
        "webhook_delivery",
        "select id, status, attempts, next_attempt_at from webhook_delivery where tenant_id = "
            + tenantA);
    try (Connection connection = PostgresResource.superuser();
        Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> query : queries.entrySet()) {
        StringBuilder rows = new StringBuilder();
        try (ResultSet result = statement.executeQuery(query.getValue() + " order by 1")) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            for (int i = 1; i <= columns; i++) {
              rows.append(result.getString(i)).append('|');
            }
            rows.append('\n');
          }
        }
        fingerprint.put(query.getKey(), rows.toString());
      }
    }
    return fingerprint;
  }
}
