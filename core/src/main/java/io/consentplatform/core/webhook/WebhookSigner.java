package io.consentplatform.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries as the Standard Webhooks specification says: HMAC-SHA256 over {@code
 * id.timestamp.body} with the endpoint's secret, sent as {@code v1,<base64>}.
 */
public final class WebhookSigner {

  /** How a secret is shown, so that people and secret scanners recognise it. */
  public static final String SECRET_PREFIX = "whsec_";

  private WebhookSigner() {}

  /** A new secret: 32 random bytes, within the 24 to 64 the specification asks for. */
  static String newSecret() {
    byte[] key = new byte[32];
    // Not a generator in a static field: the native executable would carry its build's seed.
    new SecureRandom().nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} header of {@code body} sent as message {@code id} at a time. */
  public static String sign(String secret, String id, long timestamp, byte[] body) {
    String encoded =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
