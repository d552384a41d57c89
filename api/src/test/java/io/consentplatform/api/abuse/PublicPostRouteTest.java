package io.consentplatform.api.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The public POSTs refuse a flood and an oversized body before reading it: each test sends the head
 * of a request and less body than announced, and expects the answer while the rest is still unsent
 * (a server that read the body first would wait for it, and never answer).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PublicPostRouteTest {

  private static final int WAIT_MILLIS = 30_000;

  @Inject PolicyService policies;

  @Test
  void shouldRefuseADecisionDeclaredTooLargeBeforeItsBodyArrives() {
    published("body-declared");
    LocalClients.Answer answer =
        LocalClients.exchange(
            "127.0.0.31",
            "POST /v1/sites/body-declared/consents HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 10000000",
            "{\"policyVersion\":1,".getBytes(StandardCharsets.UTF_8),
            WAIT_MILLIS);
    assertEquals(413, answer.status(), answer.toString());
    assertEquals("application/problem+json", answer.header("Content-Type"));
    assertTrue(answer.body().contains("8192 bytes"), answer.body());
    assertEquals(0, records("body-declared"));
  }

  @Test
  void shouldRefuseAChunkedDecisionOnceItPassesTheLimitWithoutWaitingForItsEnd() {
    published("body-chunked");
    byte[] chunk = ("{\"lang\":\"" + "e".repeat(9_000)).getBytes(StandardCharsets.US_ASCII);
    byte[] framed =
        (Integer.toHexString(chunk.length)
                + "\r\n"
                + new String(chunk, StandardCharsets.US_ASCII)
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    LocalClients.Answer answer =
        LocalClients.exchange(
            "127.0.0.32",
            "POST /v1/sites/body-chunked/consents HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked",
            framed,
            WAIT_MILLIS);
    assertEquals(413, answer.status(), answer.toString());
    assertEquals("application/problem+json", answer.header("Content-Type"));
    assertEquals(0, records("body-chunked"));
  }

  @Test
  void shouldRefuseAnImpressionWithABodyDeclaredTooLargeBeforeItArrives() {
    published("body-beacon");
    LocalClients.Answer answer =
        LocalClients.exchange(
            "127.0.0.33",
            "POST /v1/sites/body-beacon/impressions HTTP/1.1\r\nContent-Length: 10000000",
            new byte[100],
            WAIT_MILLIS);
    assertEquals(413, answer.status(), answer.toString());
    assertEquals("application/problem+json", answer.header("Content-Type"));
  }

  @Test
  void shouldAnswer429BeforeReadingTheBodyOnceTheClientIsOverItsLimit() {
    published("body-flood");
    String client = "127.0.0.34";
    int refused = 0;
    for (int i = 0; i < 200 && refused == 0; i++) {
      int status =
          LocalClients.from(client)
              .contentType("application/json")
              .body("{}")
              .post("/v1/sites/body-flood/consents")
              .statusCode();
      if (status == 429) {
        refused = i;
      } else {
        assertEquals(422, status, "a decision without version, action or method");
      }
    }
    assertTrue(refused >= 120, "refused from request " + refused);
    // The bucket is empty: a valid decision whose body has not even arrived is refused at once.
    LocalClients.Answer answer =
        LocalClients.exchange(
            client,
            "POST /v1/sites/body-flood/consents HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 200",
            "{\"policyVersion\":1,".getBytes(StandardCharsets.UTF_8),
            WAIT_MILLIS);
    assertEquals(429, answer.status(), answer.toString());
    assertEquals("application/problem+json", answer.header("Content-Type"));
    assertTrue(Integer.parseInt(answer.header("Retry-After")) >= 1, answer.toString());
    assertEquals(0, records("body-flood"), "nothing recorded from the flood");
  }

  private void published(String siteKey) {
    policies.publish(SiteFixture.create(siteKey), "test");
  }

  private static long records(String siteKey) {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", siteKey));
  }
}
