package io.consentplatform.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys the back office signs its tokens with, one per purpose, derived from the session key that
 * every instance of a deployment shares (or their sessions would not work across them); without
 * one, a random key of this process.
 */
final class DerivedKey {

  private DerivedKey() {}

  static byte[] of(Optional<String> sessionKey, String purpose) {
    return sessionKey
        .filter(k -> !k.isBlank())
        .map(
            k -> hmac(k.getBytes(StandardCharsets.UTF_8), purpose.getBytes(StandardCharsets.UTF_8)))
        .orElseGet(
            () -> {
              byte[] generated = new byte[32];
              new SecureRandom().nextBytes(generated);
              return generated;
            });
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
