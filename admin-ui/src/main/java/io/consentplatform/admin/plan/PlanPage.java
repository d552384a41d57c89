package io.consentplatform.admin.plan;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.usage.TenantUsage;
import io.consentplatform.core.usage.UsageService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The tenant's plan, its limits and this month's usage, for every member. */
@Path("/admin/plan")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class PlanPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance show(TenantUsage current, Chrome chrome);
  }

  private final UsageService usage;
  private final AdminCaller admin;

  public PlanPage(UsageService usage, AdminCaller admin) {
    this.usage = usage;
    this.admin = admin;
  }

  @GET
  public TemplateInstance show() {
    Caller caller = admin.get();
    return Templates.show(usage.ofCaller(caller), Chrome.of(caller, admin, null));
  }
}
