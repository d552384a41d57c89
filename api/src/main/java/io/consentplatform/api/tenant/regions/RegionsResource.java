package io.consentplatform.api.tenant.regions;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.api.web.EntityTags;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.site.RegionSettings;
import io.consentplatform.core.site.RegionSettingsService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** Which experience a site's visitors get by region, and how long a refusal is remembered. */
@Path("/v1/tenant/sites/{siteId}/regions")
@Authenticated
@Tag(name = "Regions")
public class RegionsResource {

  private static final String RULES_DOC =
      "Rules apply in order: the first whose regions cover the visitor's gives the experience"
          + " (opt-in, opt-out, notice, none); a visitor no rule covers, or whose region is"
          + " unknown, gets `otherwise`. A region is a country (`US`: all of it), a subdivision"
          + " (`US-CA`) or a group (`EU`, `EEA`). `refusalLifetimeDays` (184 to 395, default"
          + " 184) is how long a refusal of every optional category is remembered. Changes are"
          + " drafts: visitors get them once the site's next version is published.";

  private final RegionSettingsService regions;
  private final CurrentCaller caller;

  public RegionsResource(RegionSettingsService regions, CurrentCaller caller) {
    this.regions = regions;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "The site's rules by region (draft)", description = RULES_DOC)
  public RestResponse<RegionSettings> get(@RestPath SiteRef siteId) {
    return answer(regions.get(caller.get(), caller.siteId(siteId)));
  }

  /** Editors and owners; {@code If-Match} with the ETag read refuses to overwrite another edit. */
  @PUT
  @Operation(
      summary = "Replace the site's rules by region and its refusal interval",
      description = RULES_DOC)
  public RestResponse<RegionSettings> update(
      @RestPath SiteRef siteId,
      @Valid @NotNull RegionSettings settings,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    return answer(
        regions.update(
            caller.get(), caller.siteId(siteId), settings, EntityTags.expectedVersion(ifMatch)));
  }

  private static RestResponse<RegionSettings> answer(RegionSettingsService.Versioned versioned) {
    return ResponseBuilder.ok(versioned.settings())
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(versioned.version()))
        .build();
  }
}
