package io.consentplatform.admin.access;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.FormErrors;
import io.consentplatform.admin.HtmlError;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.PublicAddress;
import io.consentplatform.admin.Times;
import io.consentplatform.admin.i18n.AccountMessages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.audit.AuditService;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.tenant.AddedMember;
import io.consentplatform.core.tenant.ApiKeyService;
import io.consentplatform.core.tenant.ApiKeyView;
import io.consentplatform.core.tenant.CreatedApiKey;
import io.consentplatform.core.tenant.IssuedLink;
import io.consentplatform.core.tenant.LastOwner;
import io.consentplatform.core.tenant.LinkMail;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.MemberView;
import io.consentplatform.core.tenant.NewApiKey;
import io.consentplatform.core.tenant.NewMember;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.SharedAccount;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<MemberRow> members, List<String> roles, Chrome chrome);

    static native TemplateInstance invited(
        String email, String url, String expires, LinkMail.Outcome mail, Chrome chrome);

    static native TemplateInstance resetLink(
        String email, String url, String expires, LinkMail.Outcome mail, Chrome chrome);

    static native TemplateInstance removeMember(MemberView member, Chrome chrome);

    static native TemplateInstance apiKeys(
        List<ApiKeyView> keys, List<String> roles, String secret, Chrome chrome);

    static native TemplateInstance audit(List<AuditLine> changes, Chrome chrome);
  }

  /**
   * A member as the members page lists them, with their invitation when they have no account, and
   * whether they have a local account an owner can make a reset link for.
   */
  public record MemberRow(
      MemberView member, boolean awaitingAccount, String invitedUntil, boolean localAccount) {}

  private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::name).toList();

  // The same in both languages, and unambiguous across time zones: a link expires for everyone at
  // once.
  /** How many changes the audit page lists. */
  private static final int AUDIT_PAGE = 200;

  private final MemberService members;
  private final ApiKeyService keys;
  private final AuditService audit;
  private final AdminCaller admin;
  private final Validator validator;
  private final LinkMail mail;
  private final PublicAddress address;

  public AccessPages(
      MemberService members,
      ApiKeyService keys,
      AuditService audit,
      AdminCaller admin,
      Validator validator,
      LinkMail mail,
      PublicAddress address) {
    this.address = address;
    this.members = members;
    this.keys = keys;
    this.audit = audit;
    this.admin = admin;
    this.validator = validator;
    this.mail = mail;
  }

  @GET
  @Path("/members")
  public TemplateInstance members(@RestQuery String done) {
    Caller caller = admin.get();
    Set<Long> awaiting = members.awaitingAccount(caller);
    Map<String, Instant> invitations = members.openInvitations(caller);
    List<MemberRow> rows =
        members.list(caller).stream()
            .map(
                m -> {
                  Instant until = invitations.get(accountEmail(m));
                  boolean waits = awaiting.contains(m.id());
                  return new MemberRow(
                      m,
                      waits,
                      waits && until != null ? Times.local(until) : null,
                      !waits && accountEmail(m) != null);
                })
            .toList();
    return Templates.members(rows, ROLES, Chrome.of(caller, admin, Notices.text(done)));
  }

  /**
   * Adds a person by their sign-in subject: {@code local:<email>} or the identity provider's. A
   * local account that does not exist yet gets an invitation link, shown on this answer only.
   */
  @POST
  @Path("/members")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addMember(
      @RestForm String subject,
      @RestForm String email,
      @RestForm String role,
      @Context UriInfo uri) {
    NewMember person = new NewMember(subject, email, roleOf(role)).stripped();
    if (!FormErrors.check(validator, person).isEmpty()) {
      throw new HtmlError(
          Status.BAD_REQUEST,
          AdminLanguage.current().messages().errorNotAdded(),
          AdminLanguage.current().messages().memberNeeds());
    }
    Caller caller = admin.get();
    AddedMember added = members.addAndInvite(caller, person);
    if (added.invitation().isEmpty()) {
      return Response.seeOther(URI.create("/admin/members?done=member-added")).build();
    }
    return invitedPage(caller, added.invitation().get(), uri);
  }

  /** A new invitation link for a member who has not chosen a password yet; older ones end. */
  @POST
  @Path("/members/{memberId}/invite")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reinvite(@RestPath long memberId, @Context UriInfo uri) {
    Caller caller = admin.get();
    return invitedPage(caller, members.reinvite(caller, memberId), uri);
  }

  /**
   * A one-time link that sets a new password for a member's local account, shown on this answer
   * only (and mailed when the platform sends mail); using it ends the account's sessions.
   */
  @POST
  @Path("/members/{memberId}/reset-password")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response issuePasswordReset(@RestPath long memberId, @Context UriInfo uri) {
    Caller caller = admin.get();
    IssuedLink link;
    try {
      link = members.issuePasswordReset(caller, memberId);
    } catch (SharedAccount e) {
      AccountMessages texts = AdminLanguage.current().accountMessages();
      throw new HtmlError(
          Status.CONFLICT,
          texts.memberResetRefusedTitle(),
          texts.memberResetRefusedText(),
          "/admin/members",
          texts.backToMembers());
    }
    Chrome chrome = Chrome.of(caller, admin, null);
    String url = link.url(address.base(uri));
    LinkMail.Outcome sent = mail.send(link, url, chrome.tenant(), AdminLanguage.current().code());
    return Response.ok(
            Templates.resetLink(link.email(), url, Times.local(link.expiresAt()), sent, chrome))
        .header("Cache-Control", "no-store")
        .build();
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
    try {
      members.changeRole(admin.get(), memberId, Role.valueOf(role));
    } catch (LastOwner e) {
      throw lastOwner();
    }
    return Response.seeOther(URI.create("/admin/members?done=member-changed")).build();
  }

  /** Asks before removing: the form posts to the removal, which the page's button only leads to. */
  @GET
  @Path("/members/{memberId}/remove")
  public TemplateInstance confirmRemoval(@RestPath long memberId) {
    Caller caller = admin.get();
    caller.require(Role.OWNER);
    MemberView member =
        members.list(caller).stream()
            .filter(m -> m.id() == memberId)
            .findFirst()
            .orElseThrow(() -> new NotFound("Member " + memberId));
    return Templates.removeMember(member, Chrome.of(caller, admin, null));
  }

  @POST
  @Path("/members/{memberId}/remove")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response removeMember(@RestPath long memberId) {
    try {
      members.remove(admin.get(), memberId);
    } catch (LastOwner e) {
      throw lastOwner();
    }
    return Response.seeOther(URI.create("/admin/members?done=member-removed")).build();
  }

  /** The refusal to leave the tenant without an owner, with the way back to the members. */
  private static HtmlError lastOwner() {
    AccountMessages texts = AdminLanguage.current().accountMessages();
    return new HtmlError(
        Status.CONFLICT,
        texts.lastOwnerTitle(),
        texts.lastOwnerText(),
        "/admin/members",
        texts.backToMembers());
  }

  /** Shows the link once (never cached) after mailing it, when the platform sends mail. */
  private Response invitedPage(Caller caller, IssuedLink link, UriInfo uri) {
    Chrome chrome = Chrome.of(caller, admin, null);
    String url = link.url(address.base(uri));
    LinkMail.Outcome sent = mail.send(link, url, chrome.tenant(), AdminLanguage.current().code());
    return Response.ok(
            Templates.invited(link.email(), url, Times.local(link.expiresAt()), sent, chrome))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The e-mail of the local account a member signs in with; null for an identity provider's. */
  private static String accountEmail(MemberView member) {
    String prefix = LocalAccount.SUBJECT_PREFIX;
    return member.subject().startsWith(prefix) ? member.subject().substring(prefix.length()) : null;
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
