package io.consentplatform.api.region;

import io.consentplatform.api.abuse.PublicLimits;
import io.consentplatform.core.region.Region;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/**
 * The visitor's own region, asked once by the banner script so that the configuration it fetches
 * next can carry the region in its URL and stay cacheable by any CDN. The answer depends on who
 * asks: never stored by a cache. Any page may ask (no credentials, nothing about a site), and each
 * ask counts against the client's limit of reads.
 */
@Path("/v1/region")
@Tag(name = "Consent")
public class RegionResource {

  /** A region code ({@code FR}, {@code US-CA}), or null when unknown. */
  public record RegionView(String region) {}

  private final VisitorRegion regions;
  private final PublicLimits limits;

  public RegionResource(VisitorRegion regions, PublicLimits limits) {
    this.regions = regions;
    this.limits = limits;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The region of the visitor who asks",
      description =
          "An ISO 3166-1 country, with its ISO 3166-2 subdivision where known (US-CA), from the"
              + " trusted CDN's headers or the platform's GeoIP database; null when unknown. Never"
              + " finer than a state or province. Not cacheable (no-store); any origin may read it.")
  @APIResponse(
      responseCode = "200",
      description = "The region, or null",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = {
                @ExampleObject(name = "known", value = "{\"region\":\"US-CA\"}"),
                @ExampleObject(name = "unknown", value = "{\"region\":null}")
              }))
  @APIResponse(responseCode = "429", description = "The client asked too often")
  public RestResponse<RegionView> mine(HttpServerRequest request) {
    limits.read(request);
    String region = regions.of(request).map(Region::code).orElse(null);
    return ResponseBuilder.ok(new RegionView(region))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Access-Control-Allow-Origin", "*")
        .build();
  }
}
