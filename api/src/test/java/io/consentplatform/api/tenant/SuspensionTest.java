package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.policy.PolicyService;
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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A tenant an operator suspended: every change its members or keys ask of the tenant API, each
 * operation enumerated from the OpenAPI document like the isolation suite does, is refused with a
 * problem that names the suspension, while reading works and its banner serves and records.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class SuspensionTest {

  private static final String OWNER = "suspended-owner";

  @Inject PolicyService policies;
  @Inject DataSource dataSource;

  @Test
  void shouldRefuseEveryChangeOfASuspendedTenantButServeItsBanner() throws Exception {
    long site = Tenants.siteWithTenant("suspended-shop");
    Tenants.member(site, OWNER, Role.OWNER);
    policies.publish(site, "test");
    Map<String, Object> ids = new LinkedHashMap<>(IsolationTest.idsOf(site, OWNER));
    ids.put("siteId", site);
    ids.put("visitorId", "00000000-0000-0000-0000-000000000000");
    String key =
        given()
            .auth()
            .oauth2(OidcServer.token(OWNER))
            .contentType(ContentType.JSON)
            .body("{\"name\":\"owner-key\",\"role\":\"OWNER\"}")
            .post("/v1/tenant/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    given()
        .auth()
        .oauth2(OidcServer.operatorToken("suspending-operator"))
        .post("/v1/platform/tenants/" + Tenants.tenantIdOf(site) + "/suspend")
        .then()
        .statusCode(200);
    long trailBefore = trail(site);

    Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
    callers.put("owner's token", () -> given().auth().oauth2(OidcServer.token(OWNER)));
    callers.put("owner's key", () -> given().header("X-Api-Key", key));
    List<String> refused = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (IsolationTest.Operation operation : IsolationTest.tenantOperations()) {
      if (!operation.path().startsWith("/v1/tenant")) {
        continue;
      }
      String path = IsolationTest.fill(operation.path(), ids);
      for (Map.Entry<String, Supplier<RequestSpecification>> as : callers.entrySet()) {
        Response answer =
            as.getValue()
                .get()
                .contentType(IsolationTest.bodyType(path))
                .body(IsolationTest.body(path))
                .queryParams(IsolationTest.query(path))
                .request(operation.method(), path);
        String what = as.getKey() + " " + operation.method() + " " + path;
        if (operation.method().equals("GET")) {
          if (answer.statusCode() >= 400) {
            wrong.add(what + " must read: " + answer.asString());
          }
        } else if (answer.statusCode() != 403 || !answer.asString().contains("suspended")) {
          wrong.add(what + " must be refused as suspended: " + answer.asString());
        } else {
          refused.add(what);
        }
      }
    }
    assertEquals(List.of(), wrong, "reads work, every change is refused");
    assertTrue(refused.size() >= 40, "every change was tried: " + refused.size());
    assertEquals(trailBefore, trail(site), "nothing changed in the suspended tenant");

    given().get("/v1/sites/suspended-shop/banner").then().statusCode(200);
    given().get("/v1/sites/suspended-shop/banner.js").then().statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"policyVersion\":1,\"action\":\"accept_all\",\"lang\":\"en\",\"method\":\"banner\"}")
        .post("/v1/sites/suspended-shop/consents")
        .then()
        .statusCode(201);
  }

  /** How many entries the tenant's audit trail has: every change writes one. */
  private long trail(long site) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                // A download of the tenant's archive is a read, but one the trail records.
                "select count(*) from audit_entry where action <> 'export' and tenant_id = "
                    + Tenants.tenantIdOf(site))) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
