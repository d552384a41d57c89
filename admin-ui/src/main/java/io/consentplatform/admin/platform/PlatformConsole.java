package io.consentplatform.admin.platform;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.PublicAddress;
import io.consentplatform.admin.Times;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.PlatformMessages;
import io.consentplatform.core.access.Actor;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.platform.CreatedTenant;
import io.consentplatform.core.platform.TenantLifecycle;
import io.consentplatform.core.platform.TenantSummary;
import io.consentplatform.core.tenant.IssuedLink;
import io.consentplatform.core.tenant.LinkMail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The operator console: every tenant with its standing and this month's usage, a new tenant with
 * its invited owner, and a tenant's suspension, reactivation and archiving. Operators only: anyone
 * else meets the 403 page.
 */
@Path("/admin/platform")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class PlatformConsole {

  /** What the new-tenant form was given, to show again beside its error. */
  public record TenantForm(String name, String slug, String ownerEmail) {
    static final TenantForm EMPTY = new TenantForm("", "", "");
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance tenants(
        List<TenantSummary> tenants, TenantForm form, String error, Chrome chrome);

    static native TemplateInstance created(
        TenantSummary tenant,
        String email,
        String url,
        String expires,
        LinkMail.Outcome mail,
        Chrome chrome);

    static native TemplateInstance tenant(TenantSummary tenant, String error, Chrome chrome);
  }

  private final TenantLifecycle tenants;
  private final AdminCaller admin;
  private final LinkMail mail;
  private final PublicAddress address;

  public PlatformConsole(
      TenantLifecycle tenants, AdminCaller admin, LinkMail mail, PublicAddress address) {
    this.tenants = tenants;
    this.admin = admin;
    this.mail = mail;
    this.address = address;
  }

  @GET
  public TemplateInstance directory(@RestQuery String done) {
    return list(TenantForm.EMPTY, null, done);
  }

  /** Creates the tenant; the owner's invitation link is shown on this answer only. */
  @POST
  @Path("/tenants")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @RestForm String name,
      @RestForm String slug,
      @RestForm String ownerEmail,
      @Context UriInfo uri) {
    Actor operator = admin.operator();
    TenantForm form = new TenantForm(name, slug, ownerEmail);
    CreatedTenant created;
    try {
      created = tenants.create(operator, slug, name, ownerEmail, null);
    } catch (Rejected e) {
      return Pages.invalid(list(form, message(e.field()), null));
    } catch (Conflict e) {
      return Response.status(Response.Status.CONFLICT)
          .entity(list(form, texts().slugTaken(), null))
          .build();
    }
    TenantSummary tenant = created.tenant();
    if (created.invitation().isEmpty()) {
      return Response.seeOther(URI.create("/admin/platform/tenants/" + tenant.id())).build();
    }
    IssuedLink link = created.invitation().get();
    String url = link.url(address.base(uri));
    LinkMail.Outcome sent = mail.send(link, url, tenant.name(), AdminLanguage.current().code());
    return Response.ok(
            Templates.created(
                tenant, link.email(), url, Times.local(link.expiresAt()), sent, chrome()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("/tenants/{id}")
  public TemplateInstance tenant(@RestPath long id) {
    admin.operator();
    return Templates.tenant(tenants.tenant(id), null, chrome());
  }

  @POST
  @Path("/tenants/{id}/suspend")
  public Response suspend(@RestPath long id) {
    tenants.suspend(admin.operator(), id);
    return Response.seeOther(URI.create("/admin/platform?done=suspended")).build();
  }

  @POST
  @Path("/tenants/{id}/reactivate")
  public Response reactivate(@RestPath long id) {
    tenants.reactivate(admin.operator(), id);
    return Response.seeOther(URI.create("/admin/platform?done=reactivated")).build();
  }

  /** Archives only when the operator typed the tenant's slug: it cannot be undone. */
  @POST
  @Path("/tenants/{id}/archive")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response archive(@RestPath long id, @RestForm String confirmSlug) {
    Actor operator = admin.operator();
    TenantSummary tenant = tenants.tenant(id);
    if (confirmSlug == null || !confirmSlug.strip().equals(tenant.slug())) {
      return Pages.invalid(Templates.tenant(tenant, texts().archiveTypeSlug(), chrome()));
    }
    tenants.archive(operator, id);
    return Response.seeOther(URI.create("/admin/platform?done=archived")).build();
  }

  private TemplateInstance list(TenantForm form, String error, String done) {
    admin.operator();
    String notice =
        done == null
            ? null
            : switch (done) {
              case "suspended" -> texts().doneSuspended();
              case "reactivated" -> texts().doneReactivated();
              case "archived" -> texts().doneArchived();
              default -> null;
            };
    return Templates.tenants(tenants.directory(), form, error, Chrome.ofOperator(admin, notice));
  }

  private Chrome chrome() {
    return Chrome.ofOperator(admin, null);
  }

  private static PlatformMessages texts() {
    return MessageBundles.get(
        PlatformMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }

  private static String message(String field) {
    PlatformMessages texts = texts();
    return switch (field == null ? "" : field) {
      case "slug" -> texts.invalidSlug();
      case "name" -> texts.invalidName();
      default -> texts.invalidOwnerEmail();
    };
  }
}
