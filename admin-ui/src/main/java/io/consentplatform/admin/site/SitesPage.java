package io.consentplatform.admin.site;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.consent.Statistics;
import io.consentplatform.core.policy.VersionService;
import io.consentplatform.core.policy.VersionView;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The tenant's sites, and each site's dashboard. */
@Path("/admin/sites")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
@Transactional(Transactional.TxType.SUPPORTS)
public class SitesPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(List<SiteView> sites, Chrome chrome);

    static native TemplateInstance dashboard(SiteView site, Dashboard dashboard, Chrome chrome);
  }

  private final SiteService sites;
  private final Statistics statistics;
  private final VersionService versions;
  private final AdminCaller admin;

  public SitesPage(
      SiteService sites, Statistics statistics, VersionService versions, AdminCaller admin) {
    this.sites = sites;
    this.statistics = statistics;
    this.versions = versions;
    this.admin = admin;
  }

  @GET
  public TemplateInstance list(@RestQuery String done) {
    Caller caller = admin.get();
    return Templates.list(sites.list(caller), Chrome.of(caller, admin, Notices.text(done)));
  }

  @GET
  @Path("/{siteId}")
  public TemplateInstance dashboard(@RestPath long siteId) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<Statistics.Day> days = statistics.daily(caller, siteId, today.minusDays(29), today);
    List<VersionView> published = versions.list(caller, siteId);
    return Templates.dashboard(
        site,
        Dashboard.of(days, published.isEmpty() ? null : published.get(0)),
        Chrome.of(caller, admin, null));
  }
}
