package io.consentplatform.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The signer against the Standard Webhooks test vector ("sign function works" in the official
 * JavaScript and Python libraries), computed a second time with a plain {@link Mac}.
 */
class WebhookSignerTest {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330L;
  private static final String PAYLOAD = "{\"test\": 2432232314}";
  private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  @Test
  void shouldSignTheSpecificationsTestVector() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "HmacSHA256"));
    String independent =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(
                    mac.doFinal(
                        (ID + "." + TIMESTAMP + "." + PAYLOAD).getBytes(StandardCharsets.UTF_8)));
    assertEquals(EXPECTED, independent, "the vector itself, by javax.crypto");
    assertEquals(
        EXPECTED,
        WebhookSigner.sign(SECRET, ID, TIMESTAMP, PAYLOAD.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldMakeSecretsOfTheSizeTheSpecificationAsks() {
    String secret = WebhookSigner.newSecret();
    assertTrue(secret.startsWith("whsec_"), secret);
    int bytes = Base64.getDecoder().decode(secret.substring(6)).length;
    assertTrue(bytes >= 24 && bytes <= 64, bytes + " bytes");
  }
}
