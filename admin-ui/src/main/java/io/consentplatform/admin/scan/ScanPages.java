package io.consentplatform.admin.scan;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.category.CategoryNames;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.category.CategoryService;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.cookie.ProviderView;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.scan.Adoption;
import io.consentplatform.core.scan.ScanService;
import io.consentplatform.core.scan.ScanStatus;
import io.consentplatform.core.scan.ScanView;
import io.consentplatform.core.scan.ScanWorker;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A site's cookie scans: the history and the button that starts one, a scan's progress (a fragment
 * the page fetches again while it runs), its report, and adding the new cookies it found to the
 * draft.
 */
@Path("/admin/sites/{siteId}/scans")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class ScanPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        SiteView site, List<ScanView> scans, ScanView current, String problem, Chrome chrome);

    static native TemplateInstance scan(
        SiteView site,
        ScanView scan,
        boolean scansHere,
        ReportView view,
        List<CategoryView> categories,
        List<ProviderView> providers,
        AdoptForm form,
        Map<String, String> errors,
        Chrome chrome);

    /** The progress alone, which the page fetches again every few seconds while the scan runs. */
    static native TemplateInstance scan$progress(SiteView site, ScanView scan, boolean scansHere);
  }

  private final ScanService scans;
  private final SiteService sites;
  private final CategoryService categories;
  private final CookieService cookies;
  private final ScanWorker worker;
  private final AdminCaller admin;

  public ScanPages(
      ScanService scans,
      SiteService sites,
      CategoryService categories,
      CookieService cookies,
      ScanWorker worker,
      AdminCaller admin) {
    this.scans = scans;
    this.sites = sites;
    this.categories = categories;
    this.cookies = cookies;
    this.worker = worker;
    this.admin = admin;
  }

  @GET
  public TemplateInstance list(@RestPath long siteId, @RestQuery String done) {
    return listPage(siteId, null, Notices.text(done));
  }

  /**
   * Queues a scan and shows its page. While one is already queued or running, that one is shown: a
   * second press of the button, or a colleague's, follows the scan under way.
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response start(@RestPath long siteId) {
    Caller caller = admin.editor();
    ScanView started;
    try {
      started = scans.start(caller, siteId);
    } catch (Conflict e) {
      Optional<ScanView> current = scans.current(caller, siteId);
      if (current.isEmpty()) {
        throw e;
      }
      return Response.seeOther(URI.create(base(siteId) + "/" + current.get().id())).build();
    } catch (Rejected e) {
      return Pages.invalid(listPage(siteId, e.getMessage(), null));
    }
    return Pages.done(base(siteId) + "/" + started.id(), "scan-started");
  }

  @GET
  @Path("/{scanId}")
  public TemplateInstance scan(
      @RestPath long siteId, @RestPath long scanId, @RestQuery String done) {
    Caller caller = admin.get();
    ScanView scan = scans.get(caller, siteId, scanId);
    return scanPage(caller, scan, null, Map.of(), Notices.text(done));
  }

  @GET
  @Path("/{scanId}/progress")
  public TemplateInstance progress(@RestPath long siteId, @RestPath long scanId) {
    Caller caller = admin.get();
    ScanView scan = scans.get(caller, siteId, scanId).summary();
    return Templates.scan$progress(sites.get(caller, siteId), scan, worker.runsScans());
  }

  /**
   * Adds the ticked new cookies to the draft, each with the category and provider chosen, then
   * shows the versions page, where the draft is reviewed and published. All or nothing: with a
   * fault, the report comes back with the rows marked and nothing added.
   */
  @POST
  @Path("/{scanId}/adopt")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response adopt(@RestPath long siteId, @RestPath long scanId, @BeanParam AdoptForm form) {
    Caller caller = admin.editor();
    ScanView scan = scans.get(caller, siteId, scanId);
    if (scan.status() != ScanStatus.DONE || scan.report() == null) {
      throw new Conflict("Scan " + scanId + " has no report yet");
    }
    ReportView view = view(caller, scan);
    Map<String, String> errors = new TreeMap<>();
    List<Integer> rows = form.rows(view.fresh().size(), errors);
    List<Adoption> adoptions =
        form.adoptions(rows, view.fresh(), categories.list(caller, siteId), errors);
    if (errors.isEmpty()) {
      try {
        scans.adopt(caller, siteId, scanId, adoptions);
        return Pages.done("/admin/sites/" + siteId + "/versions", "scan-adopted");
      } catch (Rejected refusal) {
        errors.putAll(AdoptForm.placeFaults(refusal, rows));
      }
    }
    return Pages.invalid(scanPage(caller, scan, form, errors, null));
  }

  private TemplateInstance listPage(long siteId, String problem, String notice) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    return Templates.list(
        site,
        scans.list(caller, siteId),
        scans.current(caller, siteId).orElse(null),
        problem,
        Chrome.of(caller, admin, notice));
  }

  private TemplateInstance scanPage(
      Caller caller, ScanView scan, AdoptForm form, Map<String, String> errors, String notice) {
    SiteView site = sites.get(caller, scan.siteId());
    ReportView view = scan.report() == null ? null : view(caller, scan);
    AdoptForm shown = form != null ? form : view == null ? null : AdoptForm.suggested(view.fresh());
    if (shown != null) {
      shown.errors = errors;
    }
    return Templates.scan(
        site,
        scan,
        worker.runsScans(),
        view,
        categories.list(caller, site.id()),
        cookies.providers(caller, site.id()),
        shown,
        errors,
        Chrome.of(caller, admin, notice));
  }

  private ReportView view(Caller caller, ScanView scan) {
    SiteView site = sites.get(caller, scan.siteId());
    return ReportView.of(
        scan.report(),
        CategoryNames.of(categories.list(caller, site.id()), site),
        scans.proposals(caller, site.id(), scan.id()),
        cookies.cookies(caller, site.id()));
  }

  private static String base(long siteId) {
    return "/admin/sites/" + siteId + "/scans";
  }
}
