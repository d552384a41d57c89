package io.consentplatform.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One attempt against a real receiver on loopback: what counts as delivered (2xx only: a redirect
 * is not followed), a receiver that does not answer in time, and Retry-After in both its forms.
 */
class WebhookSenderTest {

  private static WebhookReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  @Test
  void shouldCountOnlyA2xxAsDelivered() {
    receiver.plan("/status", 200, 302, 404);
    assertTrue(send("/status", Duration.ofSeconds(5)).succeeded());
    WebhookSender.Outcome redirect = send("/status", Duration.ofSeconds(5));
    assertFalse(redirect.succeeded());
    assertEquals(302, redirect.status());
    assertTrue(redirect.error().contains("redirects are not followed"), redirect.error());
    assertEquals(404, send("/status", Duration.ofSeconds(5)).status());
    assertEquals(3, receiver.received("/status").size(), "no redirect was followed");
    assertEquals("{\"type\":\"webhook.test\"}", receiver.received("/status").get(0).body());
    assertEquals("v1,sig", receiver.received("/status").get(0).header("webhook-signature"));
  }

  @Test
  void shouldGiveUpOnAReceiverThatDoesNotAnswerInTime() {
    receiver.plan("/slow", -1);
    WebhookSender.Outcome outcome = send("/slow", Duration.ofMillis(300));
    assertFalse(outcome.succeeded());
    assertEquals(0, outcome.status());
    assertTrue(outcome.error().startsWith("No answer within 300 ms"), outcome.error());
  }

  @Test
  void shouldReadRetryAfterInSecondsAndAsADate() {
    assertEquals(Duration.ofSeconds(120), WebhookSender.retryAfter("120"));
    String inAnHour =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
    Duration wait = WebhookSender.retryAfter(inAnHour);
    assertTrue(
        wait.compareTo(Duration.ofMinutes(58)) > 0 && wait.compareTo(Duration.ofHours(1)) <= 0,
        wait.toString());
    assertNull(WebhookSender.retryAfter("soon"));
  }

  private static WebhookSender.Outcome send(String path, Duration timeout) {
    return WebhookSender.send(
        receiver.url(path),
        "msg_sender",
        1,
        "v1,sig",
        "{\"type\":\"webhook.test\"}".getBytes(StandardCharsets.UTF_8),
        timeout,
        true);
  }
}
