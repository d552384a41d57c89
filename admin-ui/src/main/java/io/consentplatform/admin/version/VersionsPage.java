package io.consentplatform.admin.version;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.policy.PolicyDiff;
import io.consentplatform.core.policy.VersionService;
import io.consentplatform.core.policy.VersionView;
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
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A site's policy versions: what the draft changes, and publishing it. */
@Path("/admin/sites/{siteId}/versions")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class VersionsPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        SiteView site,
        List<VersionView> versions,
        PolicyDiff changes,
        DraftKind kind,
        boolean forced,
        Integer compared,
        PolicyDiff history,
        String problem,
        Chrome chrome);
  }

  private final VersionService versions;
  private final SiteService sites;
  private final AdminCaller admin;

  public VersionsPage(VersionService versions, SiteService sites, AdminCaller admin) {
    this.versions = versions;
    this.sites = sites;
    this.admin = admin;
  }

  @GET
  public TemplateInstance list(
      @RestPath long siteId, @RestQuery Integer compare, @RestQuery String done) {
    return page(siteId, compare, null, Notices.text(done), false);
  }

  /**
   * Publishes only when the person ticked the confirmation, having read whether visitors will be
   * asked again; {@code reconsent} asks them again even for a draft that would not.
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response publish(
      @RestPath long siteId, @RestForm String confirm, @RestForm String reconsent) {
    Caller caller = admin.editor();
    boolean force = "yes".equals(reconsent);
    if (!"yes".equals(confirm)) {
      return Pages.invalid(
          page(siteId, null, AdminLanguage.current().messages().publishTickConfirm(), null, force));
    }
    VersionView published = versions.publish(caller, siteId, force);
    return Response.seeOther(
            URI.create(
                "/admin/sites/"
                    + siteId
                    + "/versions?done="
                    + (published.reconsent() ? "published" : "published-quietly")))
        .build();
  }

  /**
   * The page, with what the draft changes since the latest version and, when {@code compare} names
   * a published version, what that version changed since the one before it.
   */
  private TemplateInstance page(
      long siteId, Integer compare, String problem, String notice, boolean forced) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    List<VersionView> published = versions.list(caller, siteId);
    PolicyDiff history =
        compare == null || compare < 2
            ? null
            : versions.diff(caller, siteId, String.valueOf(compare - 1), String.valueOf(compare));
    PolicyDiff changes = null;
    DraftKind kind = null;
    String why = problem;
    try {
      changes =
          versions.diff(
              caller,
              siteId,
              published.isEmpty()
                  ? VersionService.DRAFT
                  : String.valueOf(published.get(0).number()),
              VersionService.DRAFT);
      kind = DraftKind.of(versions.draft(caller, siteId), changes, language(site));
    } catch (Rejected incomplete) {
      why = AdminLanguage.current().messages().draftIncomplete(incomplete.getMessage());
    }
    return Templates.list(
        site,
        published,
        changes,
        kind,
        forced,
        history == null ? null : compare,
        history,
        why,
        Chrome.of(caller, admin, notice));
  }

  /** The site's language closest to the person's: category names are the tenant's own texts. */
  private static String language(SiteView site) {
    String person = AdminLanguage.current().code();
    return site.languages().contains(person) ? person : site.defaultLanguage();
  }
}
