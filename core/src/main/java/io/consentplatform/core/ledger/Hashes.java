package io.consentplatform.core.ledger;

import io.consentplatform.core.hash.Sha256;

/** The ledger's hashes: where a chain starts and how an entry links to the one before. */
final class Hashes {

  /** Where every site's chain starts. */
  static final String GENESIS = "0".repeat(64);

  private Hashes() {}

  static String sha256(String text) {
    return Sha256.hex(text);
  }

  /** An entry's hash: it covers the previous entry's hash and its record's digest. */
  static String link(String previousHash, String recordDigest) {
    return sha256(previousHash + recordDigest);
  }
}
