package io.consentplatform.core.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Signs consent receipts as compact JWS (RFC 7515, EdDSA with Ed25519, RFC 8037), so that a visitor
 * or a tenant can check a receipt offline against the public keys published at {@code
 * /.well-known/jwks.json}.
 */
@ApplicationScoped
public class ReceiptSigner {

  private final ReceiptKeys keys;

  public ReceiptSigner(ReceiptKeys keys) {
    this.keys = keys;
  }

  /** Compact JWS of {@code payload} (the receipt's JSON), with the key's id in its header. */
  public String sign(byte[] payload) {
    return sign(payload, "consent-receipt+jws");
  }

  /**
   * Compact JWS of {@code payload} with the signing key, typed {@code type} (the JWS {@code typ}
   * header), so that a signed tree head can never pass for a receipt or the other way round.
   */
  public String sign(byte[] payload, String type) {
    ReceiptKey key = keys.signingKey();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
    jws.setKeyIdHeaderValue(key.kid());
    jws.setHeader("typ", type);
    jws.setPayloadBytes(payload);
    jws.setKey(key.jwk().getPrivateKey());
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }
}
