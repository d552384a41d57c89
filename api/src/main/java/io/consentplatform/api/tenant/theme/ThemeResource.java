package io.consentplatform.api.tenant.theme;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.api.web.EntityTags;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.site.SiteTheme;
import io.consentplatform.core.site.ThemeService;
import io.quarkus.security.Authenticated;
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

/** How a site's banner looks: layout, colours, font, corners and dark mode. */
@Path("/v1/tenant/sites/{siteId}/theme")
@Authenticated
@Tag(name = "Theme")
public class ThemeResource {

  private static final String THEME_DOC =
      "`layout` is `BAR` (along the bottom), `BOX` (at the bottom, the default) or `CENTRE` (a"
          + " dialog over the dimmed page). Colours are `#rrggbb`; a missing one keeps the"
          + " platform's. `font` is a CSS font-family list (names, quotes, commas, hyphens);"
          + " `radius` the corner radius, 0 to 32 px. `dark: true` follows the visitor's dark mode"
          + " with the platform's dark colours. A theme whose text/background, accentText/accent"
          + " or accent (links)/background pair is below WCAG 2.1 AA's 4.5:1 is refused with 422"
          + " naming the pair and its ratio. Changes are drafts: visitors get them once the site's"
          + " next version is published.";

  private final ThemeService themes;
  private final CurrentCaller caller;

  public ThemeResource(ThemeService themes, CurrentCaller caller) {
    this.themes = themes;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "The site's banner look (draft)", description = THEME_DOC)
  public RestResponse<SiteTheme> get(@RestPath SiteRef siteId) {
    return answer(themes.get(caller.get(), caller.siteId(siteId)));
  }

  /** Editors and owners; {@code If-Match} with the ETag read refuses to overwrite another edit. */
  @PUT
  @Operation(summary = "Replace the site's banner look", description = THEME_DOC)
  public RestResponse<SiteTheme> update(
      @RestPath SiteRef siteId,
      @NotNull SiteTheme theme,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    return answer(
        themes.update(
            caller.get(), caller.siteId(siteId), theme, EntityTags.expectedVersion(ifMatch)));
  }

  private static RestResponse<SiteTheme> answer(ThemeService.Versioned versioned) {
    return ResponseBuilder.ok(versioned.theme())
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(versioned.version()))
        .build();
  }
}
