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

/**
 * Receipts and statuses are read per client within a limit: each read costs a query. The limit is a
 * bucket of 600 refilled continuously (600 a minute: one token every 100 ms), so what a client may
 * read depends on time; the test measures it with the limiter's own clock ({@link
 * System#nanoTime()} of this same JVM, where {@code @QuarkusTest} runs the application) rather than
 * assume that no token comes back between two requests.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ReceiptReadLimitTest {

  private static final int PER_MINUTE = 600;
  private static final double PER_NANO = PER_MINUTE / 60e9;

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
    int allowed = 0;
    Response answer = null;
    long start = System.nanoTime();
    long refusedSent = 0;
    while (allowed < 2000) {
      String path = "/v1/sites/read-limit/consents/" + UUID.randomUUID();
      refusedSent = System.nanoTime();
      answer = LocalClients.from(client).get(allowed % 2 == 0 ? path : path + "/status?category=x");
      if (answer.statusCode() == 429) {
        break;
      }
      assertEquals(404, answer.statusCode());
      allowed++;
    }
    assertEquals(429, answer.statusCode(), "refused within 2000 reads");
    // The full bucket, and no more than what refilled while the reads went on.
    double refilled = (refusedSent - start) * PER_NANO;
    assertTrue(allowed >= PER_MINUTE, "refused from request " + allowed);
    assertTrue(
        allowed <= PER_MINUTE + refilled,
        allowed + " reads allowed, " + refilled + " tokens refilled");
    answer.then().contentType("application/problem+json").header("Retry-After", is("1"));
    // An existing receipt is refused too. The refusal left less than one token, and one comes
    // back every 100 ms: a read that got one after the refusal is counted against that time.
    int receiptsRead = 0;
    int status = 0;
    for (int i = 0; i < 50 && status != 429; i++) {
      status =
          LocalClients.from(client)
              .get("/v1/sites/read-limit/consents/" + recorded)
              .then()
              .extract()
              .statusCode();
      if (status == 200) {
        receiptsRead++;
      } else {
        assertEquals(429, status);
      }
    }
    double since = (System.nanoTime() - refusedSent) * PER_NANO;
    assertEquals(429, status, "the receipt's reads are refused as well");
    assertTrue(
        receiptsRead < 1 + since,
        receiptsRead + " receipts read after the refusal, " + since + " tokens refilled since");
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
