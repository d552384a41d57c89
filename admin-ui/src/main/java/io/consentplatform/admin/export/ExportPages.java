package io.consentplatform.admin.export;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.export.TenantExport;
import io.consentplatform.core.export.TenantFacts;
import io.consentplatform.core.tenant.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.RestPath;

/**
 * "Download everything": a tenant's owners take the whole archive along (what is in it, and the
 * button), and the platform's operators take any tenant's, archived ones too. The archive is {@link
 * TenantExport}'s, the same as the API's; a download is recorded in the tenant's trail, which is
 * why it is a form (POST, with its CSRF token) rather than a link.
 */
@Path("/admin")
@HtmlErrors
public class ExportPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance owner(Chrome chrome);

    static native TemplateInstance operator(TenantFacts tenant, Chrome chrome);
  }

  private final TenantExport export;
  private final AdminCaller admin;

  public ExportPages(TenantExport export, AdminCaller admin) {
    this.export = export;
    this.admin = admin;
  }

  @GET
  @Path("/export")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance owner() {
    Caller caller = admin.get();
    if (!caller.role().includes(Role.OWNER)) {
      throw new Forbidden("Only the tenant's owners may download everything");
    }
    return Templates.owner(Chrome.of(caller, admin, null));
  }

  @POST
  @Path("/export")
  public Response downloadOwn() {
    return download(export.prepare(admin.get()));
  }

  @GET
  @Path("/platform/tenants/{id}/export")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance operator(@RestPath long id) {
    admin.operator();
    return Templates.operator(export.describe(id), Chrome.ofOperator(admin, null));
  }

  @POST
  @Path("/platform/tenants/{id}/export")
  public Response downloadTenant(@RestPath long id) {
    return download(export.prepareForOperator(admin.operator(), id));
  }

  private Response download(TenantExport.Prepared prepared) {
    StreamingOutput body = out -> export.write(prepared, out);
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + prepared.fileName() + "\"")
        .build();
  }
}
