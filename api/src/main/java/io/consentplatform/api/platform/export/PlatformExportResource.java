package io.consentplatform.api.platform.export;

import io.consentplatform.api.tenant.access.PlatformResource;
import io.consentplatform.api.tenant.export.ExportDownload;
import io.consentplatform.core.access.Actor;
import io.consentplatform.core.export.TenantExport;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** An operator's download of a tenant's archive, before or after archiving it. */
@Path("/v1/platform/tenants/{id}/export")
@RolesAllowed(PlatformResource.OPERATOR)
@Tag(name = "Platform")
public class PlatformExportResource {

  private final TenantExport export;
  private final SecurityIdentity identity;

  public PlatformExportResource(TenantExport export, SecurityIdentity identity) {
    this.export = export;
    this.identity = identity;
  }

  @GET
  @Produces(ExportDownload.ZIP)
  @Operation(
      summary = "Download everything the platform holds for a tenant",
      description =
          "The archive its owners download at GET /v1/tenant/export, for any tenant, archived ones"
              + " included. The download is recorded in that tenant's audit trail.")
  public Response download(@RestPath long id) {
    return ExportDownload.of(export, export.prepareForOperator(operator(), id));
  }

  /** The operator as the tenant's trail names them: a token's issuer-qualified subject. */
  private Actor operator() {
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      Object email = token.getClaim(Claims.email.name());
      return Actor.ofToken(
          token.getIssuer(),
          token.getSubject(),
          email instanceof JsonString text
              ? text.getString()
              : email == null ? null : email.toString());
    }
    // Another operator credential (an operator API key): its principal's name says which.
    return new Actor(identity.getPrincipal().getName(), null);
  }
}
