package io.consentplatform.api.tenant.scans;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.scan.Adoption;
import io.consentplatform.core.scan.AdoptionRequest;
import io.consentplatform.core.scan.ScanService;
import io.consentplatform.core.scan.ScanView;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/**
 * A site's scans: the platform's browser visits the site as three visitors (no decision yet,
 * "Reject all", "Accept all") and reports what it stores, classified and compared with the
 * declarations.
 */
@Path("/v1/tenant/sites/{siteId}/scans")
@Authenticated
@Tag(name = "Scans")
public class ScansResource {

  private final ScanService scans;
  private final CurrentCaller caller;

  public ScansResource(ScanService scans, CurrentCaller caller) {
    this.scans = scans;
    this.caller = caller;
  }

  /** The site's scans, newest first (at most fifty), without their reports. */
  @GET
  public List<ScanView> list(@RestPath SiteRef siteId) {
    return scans.list(caller.get(), caller.siteId(siteId));
  }

  @POST
  @Operation(
      summary = "Queue a scan of the site",
      description =
          "Editors and owners. The scan runs on an instance that has the browser; follow it at"
              + " the answer's Location. 409 while another scan of the site is queued or running,"
              + " or for an archived site.")
  @APIResponse(responseCode = "202", description = "Queued; Location is the scan's address")
  public RestResponse<ScanView> start(@RestPath SiteRef siteId) {
    ScanView queued = scans.start(caller.get(), caller.siteId(siteId));
    return ResponseBuilder.<ScanView>create(Status.ACCEPTED)
        .header(HttpHeaders.LOCATION, location(siteId, queued.id()))
        .entity(queued)
        .build();
  }

  /** A scan's state and progress, and once done its report: violations first, then findings. */
  @GET
  @Path("/{scanId}")
  public ScanView get(@RestPath SiteRef siteId, @RestPath long scanId) {
    return scans.get(caller.get(), caller.siteId(siteId), scanId);
  }

  /**
   * The scan's new findings as adoptions to review, category and provider pre-filled from their
   * classification (null where the scan could not tell): edit them and post them back.
   */
  @GET
  @Path("/{scanId}/adoptions")
  public List<Adoption> proposals(@RestPath SiteRef siteId, @RestPath long scanId) {
    return scans.proposals(caller.get(), caller.siteId(siteId), scanId);
  }

  /**
   * Adds findings of a finished scan to the site's declarations (drafts until the next
   * publication), each named by the name and domain the report shows, with the category and
   * provider to declare it in (a missing provider is created). All or nothing.
   */
  @POST
  @Path("/{scanId}/adoptions")
  @APIResponse(responseCode = "200", description = "The cookies now declared")
  public List<CookieView> adopt(
      @RestPath SiteRef siteId, @RestPath long scanId, @Valid @NotNull AdoptionRequest request) {
    return scans.adopt(caller.get(), caller.siteId(siteId), scanId, request.findings());
  }

  private static URI location(SiteRef siteId, long scanId) {
    return URI.create("/v1/tenant/sites/" + siteId + "/scans/" + scanId);
  }
}
