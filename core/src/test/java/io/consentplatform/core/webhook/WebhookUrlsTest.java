package io.consentplatform.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consentplatform.core.error.Rejected;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where deliveries may go when private networks are not allowed (the default). */
class WebhookUrlsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://localhost:8443/hook",
        "https://hooks.localhost/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://10.1.2.3/hook",
        "https://[::1]/hook",
        "https://[::ffff:192.168.0.1]/hook",
        "http://93.184.215.14/hook",
        "ftp://93.184.215.14/hook",
        "https://user:pw@93.184.215.14/hook",
        "not a url"
      })
  void shouldRefuseAnEndpointThatIsNotPublicHttps(String url) {
    Rejected refused = assertThrows(Rejected.class, () -> WebhookUrls.checked(url, false));
    assertEquals("url", refused.field());
  }

  @Test
  void shouldAcceptAPublicHttpsEndpoint() {
    assertEquals(
        "https://93.184.215.14/hook?x=1",
        WebhookUrls.checked("https://93.184.215.14/hook?x=1", false).toString());
  }

  @Test
  void shouldRefuseAPrivateAddressAtDeliveryToo() {
    WebhookSender.Outcome outcome =
        WebhookSender.send(
            "https://127.0.0.1:9/hook",
            "msg_x",
            1,
            "v1,x",
            new byte[0],
            Duration.ofSeconds(1),
            false);
    assertEquals(0, outcome.status());
    assertEquals(false, outcome.succeeded());
  }
}
