package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class OpenApiTest {

  @Test
  @SuppressWarnings("unchecked")
  void shouldDescribeEveryOperationWithItsErrorsAndSecurity() {
    Map<String, Object> document =
        given()
            .accept("application/json")
            .when()
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("$");
    Map<String, Map<String, Map<String, Object>>> paths =
        (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
    List<String> missing = new ArrayList<>();
    paths.forEach(
        (path, operations) ->
            operations.forEach(
                (method, operation) -> {
                  Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                  for (String status : List.of("400", "404", "422")) {
                    if (responses == null || !responses.containsKey(status)) {
                      missing.add(method + " " + path + " lacks " + status);
                    }
                  }
                  if (path.startsWith("/v1/tenant")
                      && (responses == null
                          || !responses.containsKey("401")
                          || operation.get("security") == null)) {
                    missing.add(method + " " + path + " lacks its security");
                  }
                }));

    assertEquals(List.of(), missing);
    Map<String, Object> schemas =
        (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
    assertTrue(
        schemas.containsKey("Problem")
            && schemas.containsKey("CookieEdit")
            && schemas.containsKey("SiteView"));
  }

  @Test
  void shouldServeSwaggerUi() {
    given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
  }
}
