package io.consentplatform.admin.cookie;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.FormValues;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.cookie.CookieImport;
import io.consentplatform.core.cookie.CookieImport.ImportReport;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Importing cookies from a CSV file in the Open Cookie Database's columns, in two steps: the file
 * is checked and the page shows what it would add and change; only a confirmation applies it. The
 * confirmation carries the very text that was previewed, so nothing else can slip in between.
 */
@Path("/admin/sites/{siteId}/cookies")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class ImportPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance upload(SiteView site, String error, Chrome chrome);

    static native TemplateInstance preview(
        SiteView site,
        String fileName,
        String csv,
        ImportReport report,
        String error,
        Chrome chrome);
  }

  private final CookieImport imports;
  private final CookieService cookies;
  private final SiteService sites;
  private final AdminCaller admin;
  private final long maxFileBytes;

  public ImportPage(
      CookieImport imports,
      CookieService cookies,
      SiteService sites,
      AdminCaller admin,
      CoreConfig config) {
    this.imports = imports;
    this.cookies = cookies;
    this.sites = sites;
    this.admin = admin;
    this.maxFileBytes = config.csvImport().maxBytes().asLongValue();
  }

  @GET
  @Path("/import")
  public Response upload(@RestPath long siteId, @RestQuery String tooLarge) {
    Caller caller = admin.editor();
    SiteView site = sites.get(caller, siteId);
    if (tooLarge != null) {
      // Sent back by ImportSizeRoute: a file too large to be received at all.
      return Response.status(Status.REQUEST_ENTITY_TOO_LARGE)
          .entity(Templates.upload(site, tooLarge(), Chrome.of(caller, admin, null)))
          .build();
    }
    return Response.ok(Templates.upload(site, null, Chrome.of(caller, admin, null))).build();
  }

  /** Checks the file and shows what it would change; changes nothing. */
  @POST
  @Path("/import")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response preview(@RestPath long siteId, @RestForm("file") FileUpload file) {
    Caller caller = admin.editor();
    SiteView site = sites.get(caller, siteId);
    String text;
    try {
      text = readText(file);
    } catch (Rejected e) {
      return Response.status(
              e.field().equals("size")
                  ? Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()
                  : Pages.UNPROCESSABLE_CONTENT)
          .entity(Templates.upload(site, e.getMessage(), Chrome.of(caller, admin, null)))
          .build();
    }
    try {
      ImportReport report = imports.importCsv(caller, siteId, new StringReader(text), true, false);
      return Response.ok(
              Templates.preview(
                  site, file.fileName(), text, report, null, Chrome.of(caller, admin, null)))
          .build();
    } catch (Rejected e) {
      return Pages.invalid(Templates.upload(site, e.getMessage(), Chrome.of(caller, admin, null)));
    }
  }

  /**
   * Applies the previewed text: the rows the preview counted on its button, the rows it showed in
   * error left out. When the file would now change another number of cookies (the site changed in
   * between), nothing is imported and the new preview is shown.
   */
  @POST
  @Path("/import/confirm")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response confirm(
      @RestPath long siteId,
      @RestForm String csvText,
      @RestForm String fileName,
      @RestForm String expected) {
    Caller caller = admin.editor();
    if (csvText == null || csvText.length() > maxFileBytes) {
      throw new Rejected("csvText", AdminLanguage.current().messages().importSendAgain());
    }
    ImportReport report =
        imports.importPreviewed(
            caller, siteId, new StringReader(csvText), FormValues.position(expected, -1));
    if (!report.applied()) {
      return Pages.invalid(
          Templates.preview(
              sites.get(caller, siteId),
              fileName,
              csvText,
              report,
              AdminLanguage.current().messages().importNothingImported(),
              Chrome.of(caller, admin, null)));
    }
    return Pages.done("/admin/sites/" + siteId + "/cookies", "imported");
  }

  /** The site's declarations as a CSV download, in the columns the import takes. */
  @GET
  @Path("/export")
  @Produces("text/csv")
  public Response export(@RestPath long siteId) {
    return Response.ok(cookies.exportCsv(admin.get(), siteId), "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"cookies-" + siteId + ".csv\"")
        .build();
  }

  /** The page's message for a file over the limit, which it names. */
  private String tooLarge() {
    double megabytes = maxFileBytes / (1024.0 * 1024.0);
    String shown =
        megabytes == Math.rint(megabytes)
            ? String.valueOf((long) megabytes)
            : String.format(Locale.ROOT, "%.1f", megabytes);
    return AdminLanguage.current().messages().importTooLarge(shown);
  }

  private String readText(FileUpload file) {
    if (file == null || file.fileName() == null || file.fileName().isBlank()) {
      throw new Rejected("file", AdminLanguage.current().messages().importChooseFile());
    }
    if (file.size() > maxFileBytes) {
      throw new Rejected("size", tooLarge());
    }
    try {
      byte[] bytes = Files.readAllBytes(file.uploadedFile());
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Rejected("file", AdminLanguage.current().messages().importNotUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
