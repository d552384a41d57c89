package io.consentplatform.admin.platform;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Pages;
import io.consentplatform.core.access.Actor;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.platform.CreatedPlatformKey;
import io.consentplatform.core.platform.PlatformKeyView;
import io.consentplatform.core.platform.PlatformKeys;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The console's operator keys: listed without their secret, created (the secret shown on that
 * answer only) and revoked, by {@link PlatformKeys}, the same as the platform API.
 */
@Path("/admin/platform/api-keys")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class OperatorKeysPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance keys(
        List<PlatformKeyView> keys, String secret, String name, String error, Chrome chrome);
  }

  private final PlatformKeys keys;
  private final AdminCaller admin;

  public OperatorKeysPage(PlatformKeys keys, AdminCaller admin) {
    this.keys = keys;
    this.admin = admin;
  }

  @GET
  public TemplateInstance list(@RestQuery String done) {
    admin.operator();
    String notice = "revoked".equals(done) ? OperatorsPage.texts().doneRevoked() : null;
    return Templates.keys(keys.list(), null, "", null, Chrome.ofOperator(admin, notice));
  }

  /** Creates a key; its secret is on this answer only, which no cache may keep. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@RestForm String name) {
    Actor operator = admin.operator();
    CreatedPlatformKey created;
    try {
      created = keys.create(operator, name);
    } catch (Rejected e) {
      return Pages.invalid(
          Templates.keys(
              keys.list(),
              null,
              name,
              OperatorsPage.texts().invalidKeyName(),
              Chrome.ofOperator(admin, null)));
    }
    return Response.ok(
            Templates.keys(keys.list(), created.secret(), "", null, Chrome.ofOperator(admin, null)))
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("/{id}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response revoke(@RestPath long id) {
    keys.revoke(admin.operator(), id);
    return Pages.done("/admin/platform/api-keys", "revoked");
  }
}
