package io.consentplatform.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the one hash of the ledger. */
final class Hashes {

  /** Where every site's chain starts. */
  static final String GENESIS = "0".repeat(64);

  private Hashes() {}

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  /** An entry's hash: it covers the previous entry's hash and its record's digest. */
  static String link(String previousHash, String recordDigest) {
    return sha256(previousHash + recordDigest);
  }
}
