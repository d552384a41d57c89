package io.consentplatform.api.banner;

import io.consentplatform.api.ApiConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The banner's TypeScript declarations beside the script a site embeds, where a developer looks
 * first; they name no site, so any key answers the same text as {@link BannerTypesResource}.
 */
@Path("/v1/sites/{siteKey}/banner.d.ts")
@Tag(name = "Consent")
public class SiteBannerTypesResource {

  private final ApiConfig config;

  public SiteBannerTypesResource(ApiConfig config) {
    this.config = config;
  }

  @GET
  @Operation(
      summary = "TypeScript declarations of window.ConsentPlatform, beside the site's script",
      description = "The same text as /v1/banner.d.ts, whatever the site.")
  @APIResponse(
      responseCode = "200",
      description = "The declarations",
      content = @Content(mediaType = BannerTypesResource.TYPESCRIPT))
  public RestResponse<String> types(
      @RestPath String siteKey, @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return BannerTypesResource.answer(ifNoneMatch, config);
  }
}
