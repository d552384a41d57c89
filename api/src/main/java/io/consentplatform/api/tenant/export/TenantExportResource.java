package io.consentplatform.api.tenant.export;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.export.TenantExport;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Everything the platform holds for the caller's tenant, in one archive. */
@Path("/v1/tenant/export")
@Authenticated
@Tag(name = "Tenant")
public class TenantExportResource {

  private final TenantExport export;
  private final CurrentCaller caller;

  public TenantExportResource(TenantExport export, CurrentCaller caller) {
    this.export = export;
    this.caller = caller;
  }

  @GET
  @Produces(ExportDownload.ZIP)
  @Operation(
      summary = "Download everything the platform holds for the tenant",
      description =
          "One ZIP archive, streamed: the tenant with its members and API keys (never secrets),"
              + " per site its declarations, every published version, every consent record (CSV),"
              + " its transparency log with the signed tree heads and the platform's verification"
              + " keys, the scans' reports, the webhooks and the audit trail; README.txt describes"
              + " each file. Owners only; a suspended tenant's owners too. The download is"
              + " recorded in the audit trail.")
  public Response download() {
    return ExportDownload.of(export, export.prepare(caller.get()));
  }
}
