package io.consentplatform.api.tenant.scans;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.scan.ScanService;
import io.consentplatform.core.scan.ScanSettings;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** How often a site is scanned by itself (off, weekly, monthly) and its pages per pass. */
@Path("/v1/tenant/sites/{siteId}/scan-settings")
@Authenticated
@Tag(name = "Scans")
public class ScanSettingsResource {

  private final ScanService scans;
  private final CurrentCaller caller;

  public ScanSettingsResource(ScanService scans, CurrentCaller caller) {
    this.scans = scans;
    this.caller = caller;
  }

  @GET
  public ScanSettings get(@RestPath SiteRef siteId) {
    return scans.settings(caller.get(), caller.siteId(siteId));
  }

  /** Editors and owners; {@code pageCap} null goes back to the platform's setting. */
  @PUT
  public ScanSettings update(@RestPath SiteRef siteId, @Valid @NotNull ScanSettings settings) {
    return scans.updateSettings(caller.get(), caller.siteId(siteId), settings);
  }
}
