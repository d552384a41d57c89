package io.consentplatform.admin.site;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.FormErrors;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.category.CategoryNames;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.category.CategoryService;
import io.consentplatform.core.consent.Statistics;
import io.consentplatform.core.policy.VersionService;
import io.consentplatform.core.policy.VersionView;
import io.consentplatform.core.scan.ScanService;
import io.consentplatform.core.scan.ScanView;
import io.consentplatform.core.site.SiteEdit;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The tenant's sites, and each site's dashboard. */
@Path("/admin/sites")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class SitesPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        List<SiteView> sites,
        List<SiteView> archived,
        SiteForm form,
        Map<String, String> errors,
        Chrome chrome);

    static native TemplateInstance dashboard(
        SiteView site,
        Dashboard dashboard,
        EmbedSnippet embed,
        ScanView lastScan,
        ScanView currentScan,
        Chrome chrome);
  }

  private final SiteService sites;
  private final Statistics statistics;
  private final VersionService versions;
  private final Validator validator;
  private final AdminCaller admin;
  private final CategoryService categories;
  private final EmbedSnippet.Builder embed;
  private final ScanService scans;

  public SitesPage(
      SiteService sites,
      Statistics statistics,
      VersionService versions,
      Validator validator,
      AdminCaller admin,
      CategoryService categories,
      EmbedSnippet.Builder embed,
      ScanService scans) {
    this.scans = scans;
    this.categories = categories;
    this.embed = embed;
    this.sites = sites;
    this.statistics = statistics;
    this.versions = versions;
    this.validator = validator;
    this.admin = admin;
  }

  @GET
  public TemplateInstance list(@RestQuery String done) {
    if (admin.memberships().isEmpty() && admin.isOperator()) {
      // An operator who belongs to no tenant lands on the console rather than a refusal.
      throw new jakarta.ws.rs.RedirectionException(
          jakarta.ws.rs.core.Response.Status.SEE_OTHER, java.net.URI.create("/admin/platform"));
    }
    Caller caller = admin.get();
    return Templates.list(
        sites.list(caller),
        sites.archived(caller),
        SiteForm.empty(),
        Map.of(),
        Chrome.of(caller, admin, Notices.text(done)));
  }

  /** A new site starts with the platform's texts and no category: its dashboard says what next. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@BeanParam SiteForm form) {
    Caller caller = admin.editor();
    SiteEdit edit = form.edit(Map.of());
    FormErrors errors = form.check(validator, edit);
    SiteView created = errors.attempt(() -> sites.create(caller, edit), "key");
    if (created != null) {
      return Response.seeOther(URI.create("/admin/sites/" + created.id() + "?done=site-created"))
          .build();
    }
    return Pages.invalid(
        Templates.list(
            sites.list(caller),
            sites.archived(caller),
            form,
            errors.messages(),
            Chrome.of(caller, admin, null)));
  }

  @GET
  @Path("/{siteId}")
  public TemplateInstance dashboard(
      @RestPath long siteId, @RestQuery String done, @Context UriInfo request) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<Statistics.Day> days = statistics.daily(caller, siteId, today.minusDays(29), today);
    List<VersionView> published = versions.list(caller, siteId);
    List<Statistics.RefusedOrigin> refused =
        statistics.refusedOrigins(caller, siteId, today.minusDays(29), today);
    return Templates.dashboard(
        site,
        Dashboard.of(
            days,
            published.isEmpty() ? null : published.get(0),
            CategoryNames.of(categories.list(caller, siteId), site),
            refused),
        embed.of(caller, site, request),
        scans.latest(caller, siteId).orElse(null),
        scans.current(caller, siteId).orElse(null),
        Chrome.of(caller, admin, Notices.text(done)));
  }
}
