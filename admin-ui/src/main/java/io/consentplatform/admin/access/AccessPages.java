package io.consentplatform.admin.access;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlError;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.audit.AuditEntry;
import io.consentplatform.core.tenant.ApiKeyService;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Who works in the tenant, and what they changed. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
@Transactional(Transactional.TxType.SUPPORTS)
public class AccessPages {

  /** A member as the page lists them. */
  public record Member(long id, String email, String subject, String role) {}

  /** An API key as the page lists it; the secret only right after creation. */
  public record Key(
      long id, String name, String prefix, String role, Instant lastUsedAt, Instant revokedAt) {}

  /** A change as the audit page lists it. */
  public record Change(Instant at, String actor, String action, String entity, String entityId) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance members(List<Member> members, List<String> roles, Chrome chrome);

    static native TemplateInstance apiKeys(
        List<Key> keys, List<String> roles, String secret, Chrome chrome);

    static native TemplateInstance audit(List<Change> changes, Chrome chrome);
  }

  private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::name).toList();

  private final MemberService members;
  private final ApiKeyService keys;
  private final AdminCaller admin;

  public AccessPages(MemberService members, ApiKeyService keys, AdminCaller admin) {
    this.members = members;
    this.keys = keys;
    this.admin = admin;
  }

  @GET
  @Path("/members")
  public TemplateInstance members(@RestQuery String done) {
    Caller caller = admin.get();
    List<Member> list =
        members.list(caller).stream()
            .map(m -> new Member(m.id, m.email, m.subject, m.role.name()))
            .toList();
    return Templates.members(list, ROLES, Chrome.of(caller, admin, Notices.text(done)));
  }

  /** Adds a person by their sign-in subject: {@code local:<email>} or the identity provider's. */
  @POST
  @Path("/members")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Response addMember(
      @RestForm String subject, @RestForm String email, @RestForm String role) {
    if (isBlank(subject) || isBlank(email) || !ROLES.contains(role)) {
      throw new HtmlError(
          Status.BAD_REQUEST,
          AdminLanguage.current().messages().errorNotAdded(),
          AdminLanguage.current().messages().memberNeeds());
    }
    members.add(admin.get(), subject.strip(), email.strip(), Role.valueOf(role));
    return Response.seeOther(URI.create("/admin/members?done=member-added")).build();
  }

  @POST
  @Path("/members/{memberId}/role")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
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
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
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
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Response createApiKey(@RestForm String name, @RestForm String role) {
    if (isBlank(name) || name.length() > 100 || !ROLES.contains(role)) {
      throw new HtmlError(
          Status.BAD_REQUEST,
          AdminLanguage.current().messages().errorNotCreated(),
          AdminLanguage.current().messages().keyNeeds());
    }
    ApiKeyService.CreatedKey created = keys.create(admin.get(), name.strip(), Role.valueOf(role));
    return Response.ok(keysPage(created.secret())).header("Cache-Control", "no-store").build();
  }

  @POST
  @Path("/api-keys/{keyId}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Response revokeApiKey(@RestPath long keyId) {
    keys.revoke(admin.get(), keyId);
    return Response.seeOther(URI.create("/admin/api-keys")).build();
  }

  private TemplateInstance keysPage(String secret) {
    Caller caller = admin.get();
    List<Key> list =
        keys.list(caller).stream()
            .map(k -> new Key(k.id, k.name, k.prefix, k.role.name(), k.lastUsedAt, k.revokedAt))
            .toList();
    return Templates.apiKeys(list, ROLES, secret, Chrome.of(caller, admin, null));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @GET
  @Path("/audit")
  public TemplateInstance audit() {
    Caller caller = admin.get();
    caller.require(Role.OWNER);
    List<Change> changes =
        AuditEntry.listForTenant(caller.tenantId(), 200).stream()
            .map(e -> new Change(e.recordedAt, e.actor, e.action, e.entity, e.entityId))
            .toList();
    return Templates.audit(changes, Chrome.of(caller, admin, null));
  }
}
