package io.consentplatform.api.tenant.ledger;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.ledger.LedgerVerifier;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The tamper evidence of a site's consent records. */
@Path("/v1/tenant/sites/{siteId}/ledger")
@Authenticated
@Tag(name = "Consent records")
public class LedgerResource {

  private final LedgerVerifier verifier;
  private final CurrentCaller caller;

  public LedgerResource(LedgerVerifier verifier, CurrentCaller caller) {
    this.verifier = verifier;
    this.caller = caller;
  }

  /**
   * Walks the site's whole log and recomputes its Merkle tree from the records as they are now.
   * {@code intact} is false and {@code broken} names the first thing that does not hold when a
   * record, an entry or a stored node was changed, removed or slipped in, the tail was truncated or
   * a signed head does not match the log or the published keys; {@code pending} records are not
   * sealed yet (about a second after their recording).
   */
  @GET
  @Path("/verify")
  @Produces(MediaType.APPLICATION_JSON)
  public LedgerVerifier.Verification verify(@RestPath SiteRef siteId) {
    return verifier.verify(caller.get(), caller.siteId(siteId));
  }
}
