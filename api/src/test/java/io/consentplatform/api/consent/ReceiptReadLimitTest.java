package io.consentplatform.api.consent;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.api.abuse.LocalClients;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Receipts and statuses are read per client within a limit: each read costs a query. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ReceiptReadLimitTest {

  @Inject PolicyService policies;

  @Test
  void shouldAnswer429OnceAClientReadsTooManyReceiptsAndStatuses() {
    policies.publish(SiteFixture.create("read-limit"), "test");
    String recorded =
        LocalClients.from("127.0.0.62")
            .contentType("application/json")
            .body("{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"}")
            .post("/v1/sites/read-limit/consents")
            .then()
            .statusCode(201)
            .extract()
            .path("consentId");
    String client = "127.0.0.61";
    int refused = 0;
    Response answer = null;
    for (int i = 0; i < 2000 && refused == 0; i++) {
      String path = "/v1/sites/read-limit/consents/" + UUID.randomUUID();
      answer = LocalClients.from(client).get(i % 2 == 0 ? path : path + "/status?category=x");
      if (answer.statusCode() == 429) {
        refused = i;
      } else {
        assertEquals(404, answer.statusCode());
      }
    }
    // 600 a minute, and ten more each second the loop runs (a slow machine needs more requests).
    assertTrue(refused >= 600, "refused from request " + refused);
    answer.then().contentType("application/problem+json").header("Retry-After", is("1"));
    LocalClients.from(client)
        .get("/v1/sites/read-limit/consents/" + recorded)
        .then()
        .statusCode(429);
    // Another client reads the receipt, signed; reading it again gives the same proof.
    String signature =
        LocalClients.from("127.0.0.63")
            .get("/v1/sites/read-limit/consents/" + recorded)
            .then()
            .statusCode(200)
            .extract()
            .path("signature");
    LocalClients.from("127.0.0.63")
        .get("/v1/sites/read-limit/consents/" + recorded)
        .then()
        .statusCode(200)
        .body("signature", is(signature));
  }
}
