package io.consentplatform.admin;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.platform.PlatformOperators;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.Membership;
import io.consentplatform.core.tenant.Role;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is using the back office and for which tenant. The person comes from the sign-in (an identity
 * provider's subject, or {@code local:<email>}); the tenant is their only one, or the one they
 * chose (a cookie, checked against their memberships on every request).
 */
@RequestScoped
public class AdminCaller {

  /** Remembers which of their tenants a person works in. */
  public static final String TENANT_COOKIE = "cp_tenant";

  private final SecurityIdentity identity;
  private final MemberService members;
  private final HttpServerRequest request;
  private final PlatformOperators operators;
  private Caller caller;
  private List<Membership> memberships;
  private Boolean operator;

  public AdminCaller(
      SecurityIdentity identity,
      MemberService members,
      HttpServerRequest request,
      PlatformOperators operators) {
    this.identity = identity;
    this.members = members;
    this.request = request;
    this.operators = operators;
  }

  /**
   * Whether the signed-in person is a platform operator: the identity provider gave them the
   * operator role, or the platform's own list names them.
   */
  public boolean isOperator() {
    if (operator == null) {
      operator =
          !identity.isAnonymous()
              && (identity.hasRole(PlatformOperators.ROLE) || operators.isOperator(actor().id()));
    }
    return operator;
  }

  /**
   * The operator acting on an operator console page, as the audit trail records them.
   *
   * @throws Forbidden when the person is not an operator
   */
  public Actor operator() {
    if (!isOperator()) {
      throw new Forbidden("Only the platform's operators may do this");
    }
    return actor();
  }

  /** The signed-in person's subject. */
  public String subject() {
    if (identity.isAnonymous()) {
      throw new SignInRequired();
    }
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      return token.getSubject();
    }
    return LocalAccount.subjectOf(LocalSession.emailOf(identity.getPrincipal()));
  }

  /**
   * Who they are for the records: their local account ({@code local:<email>}), or the identity
   * provider's subject qualified by its issuer, with the e-mail that same sign-in gave.
   */
  public Actor actor() {
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      Object email = token.getClaim(Claims.email.name());
      return Actor.ofToken(
          token.getIssuer(),
          token.getSubject(),
          email instanceof JsonString text
              ? text.getString()
              : email == null ? null : email.toString());
    }
    return new Actor(subject(), LocalSession.emailOf(identity.getPrincipal()));
  }

  /** The e-mail of the local account the person signed in with; nothing for the SSO. */
  public Optional<String> localAccount() {
    return identity.getPrincipal() instanceof LocalSession session
        ? Optional.of(session.email())
        : Optional.empty();
  }

  /** Their tenants, for the switcher; read once per request. */
  public List<Membership> memberships() {
    if (memberships == null) {
      memberships = members.memberships(subject());
    }
    return memberships;
  }

  /** The caller for this request; a person in several tenants who chose none gets the first. */
  public Caller get() {
    if (caller == null) {
      Cookie chosen = request.getCookie(TENANT_COOKIE);
      List<Membership> memberships = memberships();
      String tenant = chosen != null ? chosen.getValue() : null;
      if (tenant == null && memberships.size() > 1) {
        tenant = memberships.get(0).tenantSlug();
      }
      caller = members.callerFor(actor(), memberships, tenant);
    }
    return caller;
  }

  /**
   * The caller for a form that changes something: a viewer is refused before the form is even read,
   * so that nobody learns anything from a change they may not make.
   */
  public Caller editor() {
    Caller editor = get();
    editor.require(Role.EDITOR);
    return editor;
  }
}
