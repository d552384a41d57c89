package io.consentplatform.api.consent;

import io.consentplatform.core.ledger.ReceiptKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public keys that verify consent receipts' signatures (a JWK Set, RFC 7517): anyone holding a
 * receipt can check it offline.
 */
@Path("/.well-known/jwks.json")
@Tag(name = "Consent")
public class ReceiptKeysResource {

  private final ReceiptKeys keys;

  public ReceiptKeysResource(ReceiptKeys keys) {
    this.keys = keys;
  }

  /** The JWK Set document, written by jose4j. */
  @GET
  @Produces("application/jwk-set+json")
  public String keys() {
    return keys.publishedKeySet();
  }
}
