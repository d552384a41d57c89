package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class ReadinessTest {

  @Test
  void shouldBeUnreadyWhileTheDatabaseIsDownAndRecoverAfter() {
    PostgresResource.stopServer();
    try {
      given().when().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
      given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    } finally {
      PostgresResource.restart();
    }
    awaitReady(Duration.ofSeconds(10));
    given().when().get("/sites/townofcary/cookie-policy").then().statusCode(200);
  }

  private static void awaitReady(Duration limit) {
    Instant deadline = Instant.now().plus(limit);
    while (given().when().get("/q/health/ready").statusCode() != 200) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not ready " + limit + " after the database came back");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
