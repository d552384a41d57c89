package io.consentplatform.api.tenant.ledger;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.consent.ConsentIds;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.ledger.VisitorData;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A visitor's data on request: access and erasure. */
@Path("/v1/tenant/sites/{siteId}/visitors/{visitorId}")
@Authenticated
@Tag(name = "Consent records")
@Produces(MediaType.APPLICATION_JSON)
public class VisitorsResource {

  private final VisitorData visitors;
  private final CurrentCaller caller;

  public VisitorsResource(VisitorData visitors, CurrentCaller caller) {
    this.visitors = visitors;
    this.caller = caller;
  }

  /** Everything recorded under a visitor id on the site: the answer to an access request. */
  @GET
  public List<VisitorData.Entry> export(@RestPath SiteRef siteId, @RestPath String visitorId) {
    return visitors.export(caller.get(), caller.siteId(siteId), visitorIdOf(visitorId));
  }

  /**
   * Erases every record of the visitor on the site (owners only). The site's ledger keeps their
   * entries' digests and notes the erasure, so that it still verifies.
   */
  @DELETE
  public VisitorData.Erasure erase(@RestPath SiteRef siteId, @RestPath String visitorId) {
    return visitors.erase(caller.get(), caller.siteId(siteId), visitorIdOf(visitorId));
  }

  private static UUID visitorIdOf(String text) {
    return ConsentIds.parse(text).orElseThrow(() -> new NotFound("Visitor " + text));
  }
}
