package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tenant API's webhooks: an owner registers, reads, changes, tests and deletes endpoints, sees
 * the secret once; other roles are refused; addresses that are not public HTTPS are refused with
 * the field named, and nothing is stored. (Deliveries themselves are WebhookDeliveryTest's, in
 * core.)
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class WebhooksApiTest {

  private static final String PROBLEM = "application/problem+json";

  /** A public address literal: registration resolves nothing, and this suite sends nothing. */
  private static final String PUBLIC_URL = "https://93.184.215.14/hooks/consent";

  @Inject DataSource dataSource;

  @Test
  void shouldLetAnOwnerRegisterAnEndpointAndSeeItsSecretOnce() {
    long site = Tenants.siteWithTenant("hooks-api-owner");
    Tenants.member(site, "hooks-owner", Role.OWNER);

    Response created =
        as("hooks-owner")
            .contentType(ContentType.JSON)
            .body(
                "{\"url\":\""
                    + PUBLIC_URL
                    + "\",\"description\":\"CRM\",\"events\":[\"consent.recorded\","
                    + "\"policy.published\"],\"siteIds\":["
                    + site
                    + "]}")
            .post("/v1/tenant/webhooks");
    created
        .then()
        .statusCode(201)
        .header("Cache-Control", "no-store")
        .body("secret", startsWith("whsec_"))
        .body("endpoint.url", is(PUBLIC_URL))
        .body("endpoint.enabled", is(true))
        .body("endpoint.events", hasSize(2));
    String secret = created.path("secret");
    int id = created.path("endpoint.id");

    String list =
        as("hooks-owner").get("/v1/tenant/webhooks").then().statusCode(200).extract().asString();
    String one =
        as("hooks-owner")
            .get("/v1/tenant/webhooks/" + id)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(list.contains(secret) || list.contains("whsec_"), list);
    assertFalse(one.contains(secret) || one.contains("whsec_"), one);

    String rotated =
        as("hooks-owner")
            .post("/v1/tenant/webhooks/" + id + "/secret")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .extract()
            .path("secret");
    assertNotEquals(secret, rotated);
    assertEquals(rotated, storedSecret(id), "deliveries are signed with the new one");

    as("hooks-owner")
        .contentType(ContentType.JSON)
        .body("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"ledger.head\"],\"enabled\":false}")
        .put("/v1/tenant/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("enabled", is(false))
        .body("events", is(java.util.List.of("ledger.head")))
        .body("siteIds", hasSize(0));

    as("hooks-owner").post("/v1/tenant/webhooks/" + id + "/test").then().statusCode(202);
    as("hooks-owner")
        .get("/v1/tenant/webhooks/" + id + "/deliveries")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].eventType", is("webhook.test"))
        .body("[0].status", is("PENDING"))
        .body("[0].messageId", startsWith("msg_"));
    int delivery =
        as("hooks-owner").get("/v1/tenant/webhooks/" + id + "/deliveries").path("[0].id");
    as("hooks-owner")
        .post("/v1/tenant/webhooks/" + id + "/deliveries/" + delivery + "/replay")
        .then()
        .statusCode(409)
        .contentType(PROBLEM);
    as("hooks-owner")
        .get("/v1/tenant/webhooks/" + id + "/deliveries?status=LOST")
        .then()
        .statusCode(422)
        .contentType(PROBLEM);

    as("hooks-owner").delete("/v1/tenant/webhooks/" + id).then().statusCode(204);
    as("hooks-owner").get("/v1/tenant/webhooks/" + id).then().statusCode(404).contentType(PROBLEM);
    assertEquals(0, count("select count(*) from webhook_delivery where endpoint_id = " + id));
  }

  @Test
  void shouldRefuseEveryoneButOwners() {
    long site = Tenants.siteWithTenant("hooks-api-roles");
    Tenants.member(site, "hooks-roles-owner", Role.OWNER);
    Tenants.member(site, "hooks-roles-editor", Role.EDITOR);
    Tenants.member(site, "hooks-roles-viewer", Role.VIEWER);
    int id =
        as("hooks-roles-owner")
            .contentType(ContentType.JSON)
            .body("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"scan.completed\"]}")
            .post("/v1/tenant/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("endpoint.id");
    long before = count("select count(*) from webhook_endpoint");

    for (String subject : java.util.List.of("hooks-roles-editor", "hooks-roles-viewer")) {
      as(subject).get("/v1/tenant/webhooks").then().statusCode(403).contentType(PROBLEM);
      as(subject)
          .contentType(ContentType.JSON)
          .body("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"scan.completed\"]}")
          .post("/v1/tenant/webhooks")
          .then()
          .statusCode(403)
          .contentType(PROBLEM);
      as(subject)
          .post("/v1/tenant/webhooks/" + id + "/secret")
          .then()
          .statusCode(403)
          .contentType(PROBLEM)
          .body(not(startsWith("whsec_")));
      as(subject).delete("/v1/tenant/webhooks/" + id).then().statusCode(403);
    }
    assertEquals(before, count("select count(*) from webhook_endpoint"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"events\":[\"consent.recorded\"]}|url",
        "{\"url\":\"https://93.184.215.14/hook\",\"events\":[]}|events",
        "{\"url\":\"https://127.0.0.1/hook\",\"events\":[\"consent.recorded\"]}|url",
        "{\"url\":\"https://169.254.169.254/latest\",\"events\":[\"consent.recorded\"]}|url",
        "{\"url\":\"https://hooks.localhost/x\",\"events\":[\"consent.recorded\"]}|url",
        "{\"url\":\"http://93.184.215.14/hook\",\"events\":[\"consent.recorded\"]}|url",
        "{\"url\":\"https://93.184.215.14/hook\",\"events\":[\"consent.everything\"]}|events",
        "{\"url\":\"https://93.184.215.14/hook\",\"events\":[\"policy.published\"],\"siteIds\":[999999]}|siteIds"
      })
  void shouldRefuseWhatCannotBeDeliveredAndStoreNothing(String body, String field) {
    long site = Tenants.siteWithTenant("hooks-api-bad-" + Math.abs(body.hashCode()));
    Tenants.member(site, "hooks-bad-" + Math.abs(body.hashCode()), Role.OWNER);
    long before = count("select count(*) from webhook_endpoint");

    as("hooks-bad-" + Math.abs(body.hashCode()))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/tenant/webhooks")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body(org.hamcrest.Matchers.containsString(field));
    assertEquals(before, count("select count(*) from webhook_endpoint"));
  }

  private String storedSecret(int id) {
    try (Connection connection = dataSource.getConnection();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery("select secret from webhook_endpoint where id = " + id)) {
      row.next();
      return row.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String sql) {
    try (Connection connection = dataSource.getConnection();
        ResultSet row = connection.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RequestSpecification as(String subject) {
    return given().auth().oauth2(OidcServer.token(subject));
  }
}
