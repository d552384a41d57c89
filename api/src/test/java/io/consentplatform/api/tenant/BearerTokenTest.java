package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which bearer tokens the tenant API believes, and what it records about their holders: only tokens
 * meant for the platform's own client, operators only by that client's role, and every change under
 * the token's issuer-qualified subject, whatever e-mail an owner typed.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class BearerTokenTest {

  private static final String NEW_TENANT =
      "{\"slug\":\"%s\",\"name\":\"By token\",\"ownerSubject\":\"nobody\",\"ownerEmail\":\"nobody@example.org\"}";

  private static long site;

  @BeforeEach
  void tenant() {
    if (site == 0) {
      site = Tenants.siteWithTenant("bearer-shop");
      Tenants.member(site, "bearer-owner", Role.OWNER);
    }
  }

  @Test
  void shouldRefuseATokenIssuedForAnotherApplication() {
    given()
        .auth()
        .oauth2(OidcServer.token("bearer-owner"))
        .get("/v1/tenant")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(
            OidcServer.token(
                "bearer-owner", Map.of("azp", OidcServer.CLIENT, "aud", OidcServer.CLIENT)))
        .get("/v1/tenant")
        .then()
        .statusCode(200);

    for (Map<String, Object> claims :
        List.<Map<String, Object>>of(
            Map.of("aud", "wiki"),
            Map.of("aud", List.of("wiki", "account")),
            Map.of("aud", ""),
            Map.of("azp", "wiki"),
            Map.of("azp", "wiki", "aud", List.of("wiki", OidcServer.CLIENT)))) {
      given()
          .auth()
          .oauth2(OidcServer.token("bearer-owner", claims))
          .get("/v1/tenant")
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
    }
  }

  @Test
  void shouldMakeOperatorsOnlyOfTheClientRoleOfThePlatformsOwnClient() {
    for (Map<String, Object> claims :
        List.<Map<String, Object>>of(
            Map.of("groups", List.of("platform-operator")),
            Map.of("realm_access", Map.of("roles", List.of("platform-operator"))),
            Map.of(
                "resource_access",
                Map.of("wiki", Map.of("roles", List.of("platform-operator")))))) {
      given()
          .auth()
          .oauth2(OidcServer.token("would-be-operator", claims))
          .contentType(ContentType.JSON)
          .body(NEW_TENANT.formatted("not-by-group"))
          .post("/v1/platform/tenants")
          .then()
          .statusCode(403);
    }
    assertEquals(0, tenants("not-by-group"));

    given()
        .auth()
        .oauth2(OidcServer.operatorToken("real-operator"))
        .contentType(ContentType.JSON)
        .body(NEW_TENANT.formatted("by-client-role"))
        .post("/v1/platform/tenants")
        .then()
        .statusCode(201);
    assertEquals(1, tenants("by-client-role"));
  }

  @Test
  void shouldRecordTheTokensSubjectNotTheEmailAnOwnerTyped() {
    // An owner adds a person under someone else's e-mail address...
    given()
        .auth()
        .oauth2(OidcServer.token("bearer-owner"))
        .contentType(ContentType.JSON)
        .body("{\"subject\":\"bearer-mallory\",\"email\":\"ceo@example.org\",\"role\":\"EDITOR\"}")
        .post("/v1/tenant/members")
        .then()
        .statusCode(201);

    // ...who then acts: the trail and the version name the token's subject, not the CEO.
    String mallory = OidcServer.ISSUER + "#bearer-mallory";
    given()
        .auth()
        .oauth2(OidcServer.token("bearer-mallory"))
        .get("/v1/tenant")
        .then()
        .statusCode(200)
        .body("actor", is(mallory))
        .body("email", is("bearer-mallory@example.org"));
    given()
        .auth()
        .oauth2(OidcServer.token("bearer-mallory"))
        .post("/v1/tenant/sites/" + site + "/versions")
        .then()
        .statusCode(201)
        .body("publishedBy", is(mallory))
        .body("publishedByEmail", is("bearer-mallory@example.org"));

    given()
        .auth()
        .oauth2(OidcServer.token("bearer-owner"))
        .get("/v1/tenant/audit")
        .then()
        .statusCode(200)
        .body("find { it.action == 'publish' }.actor", is(mallory))
        .body("find { it.action == 'publish' }.actorEmail", is("bearer-mallory@example.org"))
        .body(
            "find { it.entity == 'member' && it.action == 'create' }.actor",
            is(OidcServer.ISSUER + "#bearer-owner"))
        .body("find { it.actor == 'ceo@example.org' }", nullValue())
        .body("find { it.actorEmail == 'ceo@example.org' }", nullValue());
  }

  private static long tenants(String slug) {
    return QuarkusTransaction.requiringNew().call(() -> Tenant.count("slug", slug));
  }
}
