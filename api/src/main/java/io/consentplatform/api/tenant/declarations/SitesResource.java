package io.consentplatform.api.tenant.declarations;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.api.web.EntityTags;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.site.SiteEdit;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** The caller's tenant's sites. */
@Path("/v1/tenant/sites")
@Authenticated
@Tag(name = "Sites")
public class SitesResource {

  private final SiteService sites;
  private final CurrentCaller caller;

  public SitesResource(SiteService sites, CurrentCaller caller) {
    this.sites = sites;
    this.caller = caller;
  }

  /** The sites in use, or with {@code archived=true} the archived ones. */
  @GET
  public List<SiteView> list(@RestQuery boolean archived) {
    return archived ? sites.archived(caller.get()) : sites.list(caller.get());
  }

  @POST
  public RestResponse<SiteView> create(@Valid @NotNull SiteEdit edit) {
    SiteView created = sites.create(caller.get(), edit);
    return ResponseBuilder.<SiteView>created(URI.create("/v1/tenant/sites/" + created.id()))
        .entity(created)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(created.version()))
        .build();
  }

  @GET
  @Path("/{siteId}")
  public RestResponse<SiteView> get(@RestPath SiteRef siteId) {
    SiteView site = sites.get(caller.get(), caller.siteId(siteId));
    return ResponseBuilder.ok(site)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(site.version()))
        .build();
  }

  @PUT
  @Path("/{siteId}")
  public RestResponse<SiteView> update(
      @RestPath SiteRef siteId,
      @Valid @NotNull SiteEdit edit,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    SiteView site =
        sites.update(
            caller.get(), caller.siteId(siteId), edit, EntityTags.expectedVersion(ifMatch));
    return ResponseBuilder.ok(site)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(site.version()))
        .build();
  }

  /**
   * Archives the site (owners): its banner stops, its consent endpoint answers 410 Gone, its policy
   * page says it is archived, and its proof of consent stays until the retention period removes it.
   * The site leaves the list; its records, ledger and visitors' rights stay reachable here.
   */
  @POST
  @Path("/{siteId}/archive")
  public SiteView archive(@RestPath SiteRef siteId) {
    return sites.archive(caller.get(), caller.siteId(siteId));
  }

  /** Brings an archived site back (owners): its latest published version is served again. */
  @POST
  @Path("/{siteId}/unarchive")
  public SiteView unarchive(@RestPath SiteRef siteId) {
    return sites.unarchive(caller.get(), caller.siteId(siteId));
  }
}
