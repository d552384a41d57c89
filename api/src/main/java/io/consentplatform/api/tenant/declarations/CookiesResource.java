package io.consentplatform.api.tenant.declarations;

import io.consentplatform.api.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

  static final String RETENTION_DOC =
      "`retention` is a duration, the same in every language and written in each one's words on"
          + " the policy page and the banner: `{\"unit\": \"MONTHS\", \"amount\": 13}`, units"
          + " SESSION (no amount), MINUTES, HOURS, DAYS, WEEKS, MONTHS, YEARS (amount 1 to 1000),"
          + " with optional `notes` by language code for what a duration cannot say. A retention"
          + " with no unit needs a note. The former plain string (`\"13 months\"`) is still read:"
          + " as a duration when it reads as one (English or French), else as a note shown in"
          + " every language.";

  static final String STORAGE_DOC =
      " `storage` says where the browser keeps it: COOKIE (the default), LOCAL_STORAGE or"
          + " SESSION_STORAGE (then `name` is the key, or its prefix with `wildcard`). `httpOnly`"
          + " marks a cookie the server sets with HttpOnly. When a visitor refuses or withdraws the"
          + " category, the banner removes its first-party items that script can reach; the policy"
          + " page tells visitors how to remove the others (HttpOnly, third-party). A storage key"
          + " can be neither HttpOnly nor third-party (422).";

  private final CookieService cookies;
  private final CookieImport imports;
  private final CurrentCaller caller;
  private final CsvImportLimit csvLimit;

  public CookiesResource(
      CookieService cookies, CookieImport imports, CurrentCaller caller, CsvImportLimit csvLimit) {
    this.cookies = cookies;
    this.imports = imports;
    this.caller = caller;
    this.csvLimit = csvLimit;
  }

  @GET
  public List<CookieView> list(@RestPath SiteRef siteId) {
    return cookies.cookies(caller.get(), caller.siteId(siteId));
  }

  @POST
  @Operation(summary = "Declare a cookie", description = RETENTION_DOC + STORAGE_DOC)
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
  @Operation(summary = "Change a cookie's declaration", description = RETENTION_DOC + STORAGE_DOC)
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
  @Operation(
      summary = "Import cookies from CSV",
      description =
          "The Open Cookie Database's columns. Providers are matched on their name whatever its"
              + " case and spaces (`providers` in the answer says which are reused and which"
              + " created), `categories` where each Category of the file goes, `overlaps` the"
              + " wildcard patterns that can name the same cookie. A Retention period that reads"
              + " as a duration (\"13 months\", \"1 an\", \"Session\") becomes one, any other"
              + " is kept as the note in the site's default language. The body may be at most"
              + " `consent.csv-import.max-bytes` (2 MB unless configured; a larger one is answered"
              + " 413 with a problem, before it is read), the file at most"
              + " `consent.csv-import.max-rows` lines (10,000), each of at most"
              + " `consent.csv-import.max-columns` fields (20) of at most"
              + " `consent.csv-import.max-cell-chars` characters (4,000); past one of those, 422"
              + " with a problem that names the limit, and nothing is imported.")
  @APIResponse(
      responseCode = "413",
      description = "The body is larger than consent.csv-import.max-bytes",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Consumes(CSV)
  @Produces(MediaType.APPLICATION_JSON)
  public CookieImport.ImportReport importCsv(
      @RestPath SiteRef siteId,
      InputStream body,
      @RestQuery boolean dryRun,
      @RestQuery boolean skipInvalid) {
    CookieImport.ImportReport report =
        csvLimit.read(
            body,
            bounded ->
                imports.importCsv(
                    caller.get(),
                    caller.siteId(siteId),
                    new InputStreamReader(bounded, StandardCharsets.UTF_8),
                    dryRun,
                    skipInvalid));
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
