package io.consentplatform.api.region;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.testing.GeoIpFixture;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/region} behind a CDN: the tests' client (127.0.0.1) is the trusted proxy, which
 * forwards the visitor's address and, when the CDN knows it, the region headers; a GeoIP database
 * written from the MaxMind DB specification places the documentation ranges (GeoIpFixture).
 */
@QuarkusTest
@TestProfile(RegionResourceTest.BehindACdn.class)
@WithTestResource(PostgresResource.class)
class RegionResourceTest {

  /** Trusts the loopback proxy, reads the test GeoIP database, allows 5 reads a minute. */
  public static class BehindACdn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        String database =
            GeoIpFixture.city(Files.createTempDirectory("geoip")).toAbsolutePath().toString();
        return Map.of(
            "consent.trusted-proxies", "127.0.0.1",
            "consent.regions.geoip-database", database,
            "consent.api.read-rate-limit-per-minute", "5");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void shouldAnswerTheRegionTheCdnNamesUncachedAndToAnyPage() {
    Response answer =
        given()
            .header("X-Forwarded-For", "192.0.2.11")
            .header("Origin", "https://www.town.example")
            .header("CF-IPCountry", "US")
            .header("CF-Region-Code", "CA")
            .get("/v1/region");
    assertEquals(200, answer.statusCode(), answer.asString());
    assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
    assertEquals("US-CA", json(answer).get("region").asText());
    assertEquals("no-store", answer.header("Cache-Control"));
    assertEquals("*", answer.header("Access-Control-Allow-Origin"));
    assertNull(answer.header("Set-Cookie"), "a visitor's browser gets no cookie from asking");
  }

  @Test
  void shouldPlaceTheVisitorWithTheGeoIpDatabaseWhenTheCdnSaysNothing() {
    Response california = given().header("X-Forwarded-For", "198.51.100.23").get("/v1/region");
    assertEquals("US-CA", json(california).get("region").asText());
    Response france =
        given()
            .header("X-Forwarded-For", "203.0.113.40")
            .header("CloudFront-Viewer-Country", "XX")
            .get("/v1/region");
    assertEquals("FR", json(france).get("region").asText());
  }

  @Test
  void shouldAnswerNullForAVisitorNobodyPlaces() {
    Response answer = given().header("X-Forwarded-For", "192.168.40.2").get("/v1/region");
    assertEquals(200, answer.statusCode());
    JsonNode body = json(answer);
    assertTrue(body.has("region") && body.get("region").isNull(), answer.asString());
    assertEquals(1, body.size(), answer.asString());
    assertEquals("no-store", answer.header("Cache-Control"));
  }

  @Test
  void shouldLimitHowOftenOneClientAsks() {
    int refusedAt = -1;
    for (int i = 0; i < 20 && refusedAt < 0; i++) {
      Response answer = given().header("X-Forwarded-For", "203.0.113.77").get("/v1/region");
      if (answer.statusCode() == 429) {
        refusedAt = i;
        assertTrue(answer.contentType().startsWith("application/problem+json"));
        assertTrue(Long.parseLong(answer.header("Retry-After")) > 0);
      } else {
        assertEquals(200, answer.statusCode());
      }
    }
    // 5 a minute, and perhaps one more that refilled while the test sent them.
    assertTrue(refusedAt >= 5 && refusedAt <= 6, "refused from request " + refusedAt);
    // Another visitor behind the same proxy is not refused.
    assertEquals(
        200, given().header("X-Forwarded-For", "203.0.113.78").get("/v1/region").statusCode());
  }

  private static JsonNode json(Response response) {
    try {
      return new ObjectMapper().readTree(response.asString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
