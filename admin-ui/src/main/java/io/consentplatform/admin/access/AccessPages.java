package io.consentplatform.admin.access;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.FormErrors;
import io.consentplatform.admin.HtmlError;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.audit.AuditService;
import io.consentplatform.core.tenant.ApiKeyService;
import io.consentplatform.core.tenant.ApiKeyView;
import io.consentplatform.core.tenant.CreatedApiKey;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.MemberView;
import io.consentplatform.core.tenant.NewApiKey;
import io.consentplatform.core.tenant.NewMember;
import io.consentplatform.core.tenant.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Who works in the tenant, and what they changed. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class AccessPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance members(
        List<MemberView> members, List<String> roles, Chrome chrome);

    static native TemplateInstance apiKeys(
        List<ApiKeyView> keys, List<String> roles, String secret, Chrome chrome);

    static native TemplateInstance audit(List<AuditLine> changes, Chrome chrome);
  }

  private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::name).toList();

  /** How many changes the audit page lists. */
  private static final int AUDIT_PAGE = 200;

  private final MemberService members;
  private final ApiKeyService keys;
  private final AuditService audit;
  private final AdminCaller admin;
  private final Validator validator;

  public AccessPages(
      MemberService members,
      ApiKeyService keys,
      AuditService audit,
      AdminCaller admin,
      Validator validator) {
    this.members = members;
    this.keys = keys;
    this.audit = audit;
    this.admin = admin;
    this.validator = validator;
  }

  @GET
  @Path("/members")
  public TemplateInstance members(@RestQuery String done) {
    Caller caller = admin.get();
    return Templates.members(
        members.list(caller), ROLES, Chrome.of(caller, admin, Notices.text(done)));
  }

  /** Adds a person by their sign-in subject: {@code local:<email>} or the identity provider's. */
  @POST
  @Path("/members")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addMember(
      @RestForm String subject, @RestForm String email, @RestForm String role) {
    NewMember person = new NewMember(subject, email, roleOf(role)).stripped();
    if (!FormErrors.check(validator, person).isEmpty()) {
      throw new HtmlError(
          Status.BAD_REQUEST,
          AdminLanguage.current().messages().errorNotAdded(),
          AdminLanguage.current().messages().memberNeeds());
    }
    members.add(admin.get(), person);
    return Response.seeOther(URI.create("/admin/members?done=member-added")).build();
  }

  @POST
  @Path("/members/{memberId}/role")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changeRole(@RestPath long memberId, @RestForm String role) {
    if (!ROLES.contains(role)) {
      throw new HtmlError(
          Status.BAD_REQUEST,
          AdminLanguage.current().messages().errorNotChanged(),
          AdminLanguage.current().messages().errorUnknownRole());
    }
    members.changeRole(admin.get(), memberId, Role.valueOf(role));
    return Response.seeOther(URI.create("/admin/members?done=member-changed")).build();
  }

  @POST
  @Path("/members/{memberId}/remove")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response removeMember(@RestPath long memberId) {
    members.remove(admin.get(), memberId);
    return Response.seeOther(URI.create("/admin/members?done=member-removed")).build();
  }

  @GET
  @Path("/api-keys")
  public TemplateInstance apiKeys() {
    return keysPage(null);
  }

  /** Creates a key and shows its secret on this answer only. */
  @POST
  @Path("/api-keys")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createApiKey(@RestForm String name, @RestForm String role) {
    NewApiKey key = new NewApiKey(name, roleOf(role)).stripped();
    if (!FormErrors.check(validator, key).isEmpty()) {
      throw new HtmlError(
          Status.BAD_REQUEST,
          AdminLanguage.current().messages().errorNotCreated(),
          AdminLanguage.current().messages().keyNeeds());
    }
    CreatedApiKey created = keys.create(admin.get(), key);
    return Response.ok(keysPage(created.secret())).header("Cache-Control", "no-store").build();
  }

  @POST
  @Path("/api-keys/{keyId}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response revokeApiKey(@RestPath long keyId) {
    keys.revoke(admin.get(), keyId);
    return Response.seeOther(URI.create("/admin/api-keys")).build();
  }

  private TemplateInstance keysPage(String secret) {
    Caller caller = admin.get();
    return Templates.apiKeys(keys.list(caller), ROLES, secret, Chrome.of(caller, admin, null));
  }

  /** The role a form names; null (refused by validation) for one that does not exist. */
  private static Role roleOf(String role) {
    return ROLES.contains(role) ? Role.valueOf(role) : null;
  }

  @GET
  @Path("/audit")
  public TemplateInstance audit() {
    Caller caller = admin.get();
    return Templates.audit(
        audit.newest(caller, AUDIT_PAGE).stream().map(AuditLine::of).toList(),
        Chrome.of(caller, admin, null));
  }
}
