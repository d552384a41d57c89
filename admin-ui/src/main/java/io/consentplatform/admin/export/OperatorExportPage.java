package io.consentplatform.admin.export;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.core.export.TenantExport;
import io.consentplatform.core.export.TenantFacts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/**
 * An operator's "download everything" of any tenant, archived ones too. A class of its own under
 * the console's path: a request is matched to the resource class with the longest path first, so
 * under {@code /admin} it would lose to the console's {@code /admin/platform} and answer 404.
 */
@Path("/admin/platform/tenants/{id}/export")
@HtmlErrors
public class OperatorExportPage {

  @CheckedTemplate(basePath = "ExportPages")
  static class Templates {
    static native TemplateInstance operator(TenantFacts tenant, Chrome chrome);
  }

  private final TenantExport export;
  private final AdminCaller admin;

  public OperatorExportPage(TenantExport export, AdminCaller admin) {
    this.export = export;
    this.admin = admin;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance page(@RestPath long id) {
    admin.operator();
    return Templates.operator(export.describe(id), Chrome.ofOperator(admin, null));
  }

  @POST
  public Response download(@RestPath long id) {
    return ExportPages.download(export, export.prepareForOperator(admin.operator(), id));
  }
}
