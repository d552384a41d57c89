package io.consentplatform.admin.site;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.FormErrors;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.scan.ScanSchedule;
import io.consentplatform.core.scan.ScanService;
import io.consentplatform.core.scan.ScanSettings;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A site's settings: its name, the domains that may record consent, languages, lifetime. */
@Path("/admin/sites/{siteId}/settings")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class SiteSettingsPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance edit(
        SiteView site,
        SiteForm form,
        Map<String, String> errors,
        ScanSettings scanSettings,
        Chrome chrome);
  }

  private final SiteService sites;
  private final Validator validator;
  private final AdminCaller admin;
  private final ScanService scans;

  public SiteSettingsPage(
      SiteService sites, Validator validator, AdminCaller admin, ScanService scans) {
    this.scans = scans;
    this.sites = sites;
    this.validator = validator;
    this.admin = admin;
  }

  @GET
  public TemplateInstance edit(@RestPath long siteId, @RestQuery String done) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    return Templates.edit(
        site,
        SiteForm.of(site),
        Map.of(),
        scans.settings(caller, siteId),
        Chrome.of(caller, admin, Notices.text(done)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(@RestPath long siteId, @BeanParam SiteForm form) {
    Caller caller = admin.editor();
    SiteView site = sites.get(caller, siteId);
    form.key = site.key();
    SiteEdit edit = form.edit(site.texts());
    FormErrors errors = form.check(validator, edit);
    if (errors.attempt(() -> sites.update(caller, siteId, edit, form.expectedVersion()), "form")
        != null) {
      return Response.seeOther(URI.create("/admin/sites/" + siteId + "/settings?done=site-saved"))
          .build();
    }
    return Pages.invalid(
        Templates.edit(
            site,
            form,
            errors.messages(),
            scans.settings(caller, siteId),
            Chrome.of(caller, admin, null)));
  }

  /**
   * How often the platform scans the site by itself: off, weekly or monthly. The page cap, set
   * through the API only, is kept as it is.
   */
  @POST
  @Path("/scans")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response saveScanSchedule(@RestPath long siteId, @RestForm String schedule) {
    Caller caller = admin.editor();
    ScanSettings current = scans.settings(caller, siteId);
    ScanSchedule chosen = schedule(schedule);
    if (chosen == null) {
      SiteView site = sites.get(caller, siteId);
      return Pages.invalid(
          Templates.edit(
              site,
              SiteForm.of(site),
              Map.of("schedule", AdminLanguage.current().scanMessages().scheduleUnknown()),
              current,
              Chrome.of(caller, admin, null)));
    }
    scans.updateSettings(caller, siteId, new ScanSettings(chosen, current.pageCap()));
    return Pages.done("/admin/sites/" + siteId + "/settings#scan-schedule", "scan-schedule-saved");
  }

  private static ScanSchedule schedule(String value) {
    for (ScanSchedule schedule : ScanSchedule.values()) {
      if (schedule.name().equals(value)) {
        return schedule;
      }
    }
    return null;
  }
}
