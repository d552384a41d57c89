package io.consentplatform.admin.export;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.export.TenantExport;
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

/**
 * "Download everything": a tenant's owners take the whole archive along (what is in it, and the
 * button); the platform's operators take any tenant's on {@link OperatorExportPage}. The archive is
 * {@link TenantExport}'s, the same as the API's; a download is recorded in the tenant's trail,
 * which is why it is a form (POST, with its CSRF token) rather than a link.
 */
@Path("/admin/export")
@HtmlErrors
public class ExportPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance owner(Chrome chrome);
  }

  private final TenantExport export;
  private final AdminCaller admin;

  public ExportPages(TenantExport export, AdminCaller admin) {
    this.export = export;
    this.admin = admin;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance owner() {
    Caller caller = admin.get();
    if (!caller.role().includes(Role.OWNER)) {
      throw new Forbidden("Only the tenant's owners may download everything");
    }
    return Templates.owner(Chrome.of(caller, admin, null));
  }

  @POST
  public Response downloadOwn() {
    return download(export, export.prepare(admin.get()));
  }

  /** The archive as a download, written while it is sent. */
  static Response download(TenantExport export, TenantExport.Prepared prepared) {
    StreamingOutput body = out -> export.write(prepared, out);
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + prepared.fileName() + "\"")
        .build();
  }
}
