package io.consentplatform.api.banner;

import io.consentplatform.api.ApiConfig;
import io.consentplatform.api.web.EntityTags;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/**
 * The TypeScript declarations of the banner's page API ({@code window.ConsentPlatform}, its change
 * event) for a tenant's single-page application: the same for every site, like the script, so
 * served at a site-independent address (and next to each site's script, {@link
 * SiteBannerTypesResource}).
 */
@Path("/v1/banner.d.ts")
@Tag(name = "Consent")
public class BannerTypesResource {

  /** The media type TypeScript tooling and Deno use for {@code .ts} files. */
  static final String TYPESCRIPT = "application/typescript; charset=utf-8";

  private static final String TEXT = read();
  private static final String ETAG = EntityTags.ofContent(TEXT);

  private final ApiConfig config;

  public BannerTypesResource(ApiConfig config) {
    this.config = config;
  }

  @GET
  @Operation(
      summary = "TypeScript declarations of window.ConsentPlatform",
      description =
          "getConsent, onChange, show, isGranted and the consentplatform:change event, for a"
              + " single-page application's type checker. The same for every site; cacheable.")
  @APIResponse(
      responseCode = "200",
      description = "The declarations",
      content = @Content(mediaType = TYPESCRIPT))
  public RestResponse<String> types(@RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return answer(ifNoneMatch, config);
  }

  static RestResponse<String> answer(String ifNoneMatch, ApiConfig config) {
    ResponseBuilder<String> answer =
        EntityTags.matches(ifNoneMatch, ETAG)
            ? ResponseBuilder.<String>create(Status.NOT_MODIFIED)
            : ResponseBuilder.ok(TEXT, TYPESCRIPT);
    return answer
        .header(HttpHeaders.ETAG, ETAG)
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + config.scriptMaxAge().toSeconds())
        .header("Access-Control-Allow-Origin", "*")
        .build();
  }

  private static String read() {
    try (InputStream in = BannerTypesResource.class.getResourceAsStream("/banner/banner.d.ts")) {
      if (in == null) {
        throw new IllegalStateException("banner.d.ts is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
