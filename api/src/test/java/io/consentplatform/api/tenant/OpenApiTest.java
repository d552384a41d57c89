package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  void shouldSayThatBannerShownComesFromUnauthenticatedBeacons() throws Exception {
    JsonNode statistics =
        new ObjectMapper()
            .readTree(
                given().accept("application/json").when().get("/q/openapi?format=json").asString())
            .path("paths")
            .path("/v1/tenant/sites/{siteId}/statistics")
            .path("get");

    String description = statistics.path("description").asText();
    assertTrue(
        description.contains(
            "`shown` counts the beacons banners send when they appear. They are"
                + " unauthenticated"),
        statistics.toString());
  }

  @Test
  void shouldOfferTheApiKeyFirstAndNameSitesByIdOrKey() throws Exception {
    JsonNode document =
        new ObjectMapper()
            .readTree(
                given().accept("application/json").when().get("/q/openapi?format=json").asString());
    List<String> schemes = new ArrayList<>();
    document.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
    assertEquals(List.of("apiKey", "bearer"), schemes, "Swagger UI offers them in this order");
    JsonNode security =
        document.path("paths").path("/v1/tenant/sites").path("get").path("security");
    assertEquals("apiKey", security.get(0).fieldNames().next(), "and asks for a key first");

    JsonNode site = document.path("paths").path("/v1/tenant/sites/{siteId}/cookies").path("get");
    JsonNode schema = null;
    for (JsonNode parameter : site.path("parameters")) {
      if ("siteId".equals(parameter.path("name").asText())) {
        schema = parameter.path("schema");
      }
    }
    assertNotNull(schema, "the site is a path parameter: " + site);
    if (schema.has("$ref")) {
      String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
      schema = document.path("components").path("schemas").path(name);
    }
    assertEquals("string", schema.path("type").asText(), "an id or a key: " + schema);
  }

  @Test
  void shouldServeSwaggerUi() {
    given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
  }
}
