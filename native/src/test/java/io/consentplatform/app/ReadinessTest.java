package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class ReadinessTest {

  @Test
  void shouldBeUnreadyWhileTheDatabaseIsDownAndRecoverAfter() {
    PostgresResource.stopServer();
    try {
      given()
          .when()
          .get(Management.url("/health/ready"))
          .then()
          .statusCode(503)
          .body("status", is("DOWN"));
      given()
          .when()
          .get(Management.url("/health/live"))
          .then()
          .statusCode(200)
          .body("status", is("UP"));
    } finally {
      PostgresResource.restart();
    }
    awaitReady(Duration.ofSeconds(10));
    given().when().get("/sites/townofcary/cookie-policy").then().statusCode(200);
  }

  private static void awaitReady(Duration limit) {
    await("ready after the database came back")
        .atMost(limit)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> given().when().get(Management.url("/health/ready")).statusCode() == 200);
  }
}
