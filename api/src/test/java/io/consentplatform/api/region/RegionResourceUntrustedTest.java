package io.consentplatform.api.region;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/region} with no trusted proxy and no GeoIP database (the default set-up): a
 * visitor who writes a CDN's headers does not choose their region, and so not their experience.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RegionResourceUntrustedTest {

  @Test
  void shouldIgnoreRegionHeadersFromAPeerThatIsNotATrustedProxy() {
    Response answer =
        given()
            .header("CF-IPCountry", "US")
            .header("CF-Region-Code", "TX")
            .header("X-Forwarded-For", "198.51.100.23")
            .get("/v1/region");
    assertEquals(200, answer.statusCode());
    assertEquals("{\"region\":null}", answer.asString());
    assertEquals("no-store", answer.header("Cache-Control"));
  }
}
