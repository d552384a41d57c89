package io.consentplatform.admin.site;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.AdminLifecycleMessages;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.ledger.RetentionPeriod;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Archiving a site, owners only, after a confirmation that says what stops at once; and bringing it
 * back. The site's settings page links here from its "Archive this site" section.
 */
@Path("/admin/sites/{siteId}/archive")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class SiteArchivePage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance confirm(
        SiteView site, int retentionDays, String error, Chrome chrome);
  }

  private final SiteService sites;
  private final RetentionPeriod retention;
  private final AdminCaller admin;

  public SiteArchivePage(SiteService sites, RetentionPeriod retention, AdminCaller admin) {
    this.sites = sites;
    this.retention = retention;
    this.admin = admin;
  }

  @GET
  public TemplateInstance confirm(@RestPath long siteId) {
    return page(siteId, null);
  }

  /** Archives only when the owner ticked the confirmation; the site then leaves the list. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response archive(@RestPath long siteId, @RestForm String confirm) {
    Caller caller = admin.get();
    if (!"yes".equals(confirm)) {
      return Pages.invalid(page(siteId, messages().archiveTickConfirm()));
    }
    sites.archive(caller, siteId);
    return Response.seeOther(URI.create("/admin/sites#archived")).build();
  }

  @POST
  @Path("/undo")
  public Response unarchive(@RestPath long siteId) {
    sites.unarchive(admin.get(), siteId);
    return Response.seeOther(URI.create("/admin/sites/" + siteId + "/settings#archive")).build();
  }

  private TemplateInstance page(long siteId, String error) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    return Templates.confirm(site, retention.days(caller), error, Chrome.of(caller, admin, null));
  }

  private static AdminLifecycleMessages messages() {
    return MessageBundles.get(
        AdminLifecycleMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }
}
