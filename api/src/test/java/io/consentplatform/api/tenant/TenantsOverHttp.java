package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;

import io.consentplatform.core.testing.PostgresResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tenants and sites made as an operator and a tenant make them, through the platform and tenant
 * APIs, so that a suite using these runs unchanged against the packaged application (the jar or the
 * native executable) as well as in the test's own JVM. The site is the one {@code SiteFixture}
 * writes in-process: three categories in English and French, a cookie in each, one provider.
 */
final class TenantsOverHttp {

  private static final String OPERATOR = "fixture-operator";

  private TenantsOverHttp() {}

  /** A tenant of its own, owned by {@code owner}, with one site; returns the site's id. */
  static long siteOfNewTenant(String siteKey, String owner) {
    as(OidcServer.operatorToken(OPERATOR))
        .body(
            Map.of(
                "slug", "t-" + siteKey,
                "name", "Tenant of " + siteKey,
                "ownerSubject", owner,
                "ownerEmail", owner + "@example.org"))
        .post("/v1/platform/tenants")
        .then()
        .statusCode(201);
    long site =
        ((Number)
                as(OidcServer.token(owner))
                    .body(
                        Map.of(
                            "key",
                            siteKey,
                            "name",
                            "Site " + siteKey,
                            "domains",
                            List.of(siteKey + ".example"),
                            "languages",
                            List.of("en", "fr"),
                            "defaultLanguage",
                            "en"))
                    .post("/v1/tenant/sites")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"))
            .longValue();
    String sitePath = "/v1/tenant/sites/" + site;
    as(OidcServer.token(owner))
        .body(Map.of("name", "Analytics Inc."))
        .post(sitePath + "/providers")
        .then()
        .statusCode(201);
    int position = 0;
    for (String purpose : List.of("NECESSARY", "STATISTICS", "MARKETING")) {
      String key = purpose.toLowerCase(java.util.Locale.ROOT);
      as(OidcServer.token(owner))
          .body(
              Map.of(
                  "key", key,
                  "purpose", purpose,
                  "required", purpose.equals("NECESSARY"),
                  "position", position++,
                  "texts",
                      Map.of(
                          "en", Map.of("name", "EN " + key, "description", "About " + key),
                          "fr", Map.of("name", "FR " + key, "description", "À propos"))))
          .post(sitePath + "/categories")
          .then()
          .statusCode(201);
      as(OidcServer.token(owner))
          .body(
              Map.of(
                  "name",
                  key + "_cookie",
                  "wildcard",
                  false,
                  "provider",
                  "Analytics Inc.",
                  "category",
                  key,
                  "retention",
                  "1 day",
                  "party",
                  "FIRST_PARTY",
                  "position",
                  0,
                  "texts",
                  Map.of(
                      "en", Map.of("functionAndLocation", "Everywhere", "purposes", "For " + key),
                      "fr", Map.of("functionAndLocation", "Partout", "purposes", "Pour " + key))))
          .post(sitePath + "/cookies")
          .then()
          .statusCode(201);
    }
    return site;
  }

  /** Publishes the site's draft as {@code owner}. */
  static void publish(long siteId, String owner) {
    as(OidcServer.token(owner))
        .post("/v1/tenant/sites/" + siteId + "/versions")
        .then()
        .statusCode(201);
  }

  /** A visitor accepts everything on the site's banner; returns the visitor's id. */
  static String acceptAll(String siteKey) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            "{\"policyVersion\":1,\"action\":\"accept_all\",\"lang\":\"en\",\"method\":\"banner\"}")
        .post("/v1/sites/" + siteKey + "/consents")
        .then()
        .statusCode(201)
        .extract()
        .path("visitorId");
  }

  /** Adds {@code subject} to {@code owner}'s tenant with {@code role}. */
  static void member(String owner, String subject, String role) {
    as(OidcServer.token(owner))
        .body(Map.of("subject", subject, "email", subject + "@example.org", "role", role))
        .post("/v1/tenant/members")
        .then()
        .statusCode(201);
  }

  /** The id of the tenant that owns {@code siteId}, read in the database. */
  static long tenantIdOf(long siteId) {
    return Long.parseLong(rows("select tenant_id from site where id = " + siteId).get(0));
  }

  /** The first column of every row {@code query} answers, as text, read as the superuser. */
  static List<String> rows(String query) {
    try (Connection connection = PostgresResource.superuser();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      List<String> rows = new ArrayList<>();
      while (result.next()) {
        rows.add(result.getString(1));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }
}
