package io.consentplatform.core.ledger;

import io.consentplatform.core.hash.Sha256;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;

/** An Ed25519 key that signs receipts, as a JWK (RFC 8037) with its key id. */
record ReceiptKey(String kid, OctetKeyPairJsonWebKey jwk) {

  /** A pair from configuration, base64 DER; the JDK cannot derive an Ed25519 public key itself. */
  static ReceiptKey configured(String pkcs8PrivateKey, String x509PublicKey) {
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      return of(
          new KeyPair(
              factory.generatePublic(new X509EncodedKeySpec(mimeDecode(x509PublicKey))),
              factory.generatePrivate(new PKCS8EncodedKeySpec(mimeDecode(pkcs8PrivateKey)))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "consent.receipts.private-key and public-key must be an Ed25519 pair in base64 DER"
              + " (PKCS#8 and X.509)",
          e);
    }
  }

  /** A pair that lives as long as this process. */
  static ReceiptKey generated() {
    try {
      return of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JVM since 15 has Ed25519", e);
    }
  }

  /**
   * A retired public key from configuration (base64 X.509 DER): trusted and published, never used
   * to sign. Its kid is derived as for a signing key, so it is the kid its receipts carry.
   */
  static ReceiptKey retired(String x509PublicKey) {
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(mimeDecode(x509PublicKey)));
      String kid = kidOf(key);
      return new ReceiptKey(kid, jwk(kid, key));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "consent.receipts.retired-keys must list Ed25519 public keys in base64 X.509 DER", e);
    }
  }

  /** The public key's X.509 DER in base64, as configuration and the receipt_key table hold it. */
  String storedPublicKey() {
    return Base64.getEncoder().encodeToString(jwk.getPublicKey().getEncoded());
  }

  /** The pair as kept in the data directory: PKCS#8 and X.509 DER in base64, one per line. */
  String storedPair() {
    return Base64.getEncoder().encodeToString(jwk.getPrivateKey().getEncoded())
        + "\n"
        + storedPublicKey();
  }

  /** A pair written by {@link #storedPair()}. */
  static ReceiptKey fromStoredPair(String stored) {
    String[] lines = stored.strip().split("\n");
    if (lines.length != 2) {
      throw new IllegalStateException("A stored receipt key pair has two lines");
    }
    return configured(lines[0], lines[1]);
  }

  private static ReceiptKey of(KeyPair pair) {
    String kid = kidOf(pair.getPublic());
    OctetKeyPairJsonWebKey jwk = jwk(kid, pair.getPublic());
    jwk.setPrivateKey(pair.getPrivate());
    return new ReceiptKey(kid, jwk);
  }

  // The kid of every receipt signed so far: keep this derivation, or stored kids stop matching.
  private static String kidOf(PublicKey key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Sha256.digest(key.getEncoded()))
        .substring(0, 16);
  }

  private static OctetKeyPairJsonWebKey jwk(String kid, PublicKey key) {
    OctetKeyPairJsonWebKey jwk = new OctetKeyPairJsonWebKey(key);
    jwk.setKeyId(kid);
    jwk.setUse(Use.SIGNATURE);
    jwk.setAlgorithm(AlgorithmIdentifiers.EDDSA);
    return jwk;
  }

  private static byte[] mimeDecode(String base64) {
    return Base64.getMimeDecoder().decode(base64.strip());
  }
}
