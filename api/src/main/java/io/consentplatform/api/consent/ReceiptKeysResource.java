package io.consentplatform.api.consent;

import io.consentplatform.core.ledger.ReceiptSigner;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public keys that verify consent receipts' signatures (a JWK Set, RFC 7517): anyone holding a
 * receipt can check it offline.
 */
@Path("/.well-known/jwks.json")
@Tag(name = "Consent")
public class ReceiptKeysResource {

  /** The JWK Set document. */
  public record KeySet(List<ReceiptSigner.PublicJwk> keys) {}

  private final ReceiptSigner signer;

  public ReceiptKeysResource(ReceiptSigner signer) {
    this.signer = signer;
  }

  @GET
  @Produces("application/jwk-set+json")
  public KeySet keys() {
    return new KeySet(signer.publishedKeys());
  }
}
