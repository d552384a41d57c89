package io.consentplatform.api.tenant.declarations;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.api.web.EntityTags;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.cookie.CookieEdit;
import io.consentplatform.core.cookie.CookieImport;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.error.Rejected;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** A site's cookie declarations, one by one or as CSV in the Open Cookie Database layout. */
@Path("/v1/tenant/sites/{siteId}/cookies")
@Authenticated
@Tag(name = "Cookies")
public class CookiesResource {

  static final String CSV = "text/csv";

  private final CookieService cookies;
  private final CookieImport imports;
  private final CurrentCaller caller;

  public CookiesResource(CookieService cookies, CookieImport imports, CurrentCaller caller) {
    this.cookies = cookies;
    this.imports = imports;
    this.caller = caller;
  }

  @GET
  public List<CookieView> list(@RestPath SiteRef siteId) {
    return cookies.cookies(caller.get(), caller.siteId(siteId));
  }

  @POST
  public RestResponse<CookieView> create(
      @RestPath SiteRef siteId, @Valid @NotNull CookieEdit edit) {
    CookieView created = cookies.createCookie(caller.get(), caller.siteId(siteId), edit);
    return ResponseBuilder.<CookieView>created(
            URI.create("/v1/tenant/sites/" + siteId + "/cookies/" + created.id()))
        .entity(created)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(created.version()))
        .build();
  }

  @GET
  @Path("/{cookieId}")
  public RestResponse<CookieView> get(@RestPath SiteRef siteId, @RestPath long cookieId) {
    CookieView cookie = cookies.cookie(caller.get(), caller.siteId(siteId), cookieId);
    return ResponseBuilder.ok(cookie)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(cookie.version()))
        .build();
  }

  @PUT
  @Path("/{cookieId}")
  public RestResponse<CookieView> update(
      @RestPath SiteRef siteId,
      @RestPath long cookieId,
      @Valid @NotNull CookieEdit edit,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    CookieView cookie =
        cookies.updateCookie(
            caller.get(),
            caller.siteId(siteId),
            cookieId,
            edit,
            EntityTags.expectedVersion(ifMatch));
    return ResponseBuilder.ok(cookie)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(cookie.version()))
        .build();
  }

  @DELETE
  @Path("/{cookieId}")
  public void delete(
      @RestPath SiteRef siteId,
      @RestPath long cookieId,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    cookies.deleteCookie(
        caller.get(), caller.siteId(siteId), cookieId, EntityTags.expectedVersion(ifMatch));
  }

  /** Every declaration of the site as CSV, in the Open Cookie Database's columns. */
  @GET
  @Path("/csv")
  @Produces(CSV)
  public RestResponse<String> export(@RestPath SiteRef siteId) {
    return ResponseBuilder.ok(
            cookies.exportCsv(caller.get(), caller.siteId(siteId)), CSV + "; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"cookies-" + siteId + ".csv\"")
        .build();
  }

  /**
   * Imports CSV in the Open Cookie Database's columns. {@code dryRun} reports what would change and
   * changes nothing; {@code skipInvalid} imports the good rows when some are wrong (otherwise
   * nothing is imported and the answer lists the wrong rows).
   */
  @POST
  @Path("/csv")
  @Consumes(CSV)
  @Produces(MediaType.APPLICATION_JSON)
  public CookieImport.ImportReport importCsv(
      @RestPath SiteRef siteId,
      InputStream body,
      @RestQuery boolean dryRun,
      @RestQuery boolean skipInvalid) {
    CookieImport.ImportReport report =
        imports.importCsv(
            caller.get(),
            caller.siteId(siteId),
            new InputStreamReader(body, StandardCharsets.UTF_8),
            dryRun,
            skipInvalid);
    if (!dryRun && !report.applied()) {
      throw new Rejected(
          report.errors().size() + " rows cannot be imported; nothing was changed",
          report.errors().stream()
              .limit(100)
              .map(e -> new Rejected.Fault("line " + e.line() + ": " + e.field(), e.message()))
              .toList());
    }
    return report;
  }
}
