package io.consentplatform.api.tenant.access;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.tenant.MemberService;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request: from the API key, or from the token's subject and its
 * membership in a tenant, acting as the token's issuer-qualified subject. Never from anything else
 * the request says.
 */
@RequestScoped
public class CurrentCaller {

  /** The claim a token may carry to name the tenant acted for, by its slug. */
  public static final String TENANT_CLAIM = "tenant";

  private final SecurityIdentity identity;
  private final MemberService members;
  private final SiteService sites;
  private Caller caller;

  public CurrentCaller(SecurityIdentity identity, MemberService members, SiteService sites) {
    this.identity = identity;
    this.members = members;
    this.sites = sites;
  }

  /**
   * The id of the site a path names by id or by key ({@code /v1/tenant/sites/{siteId}/...}), the
   * one place where the tenant API resolves keys: within the caller's tenant only, so that another
   * tenant's key is not found, exactly like an unknown one. An id is passed on as it is: every
   * service looks it up within the caller's tenant.
   */
  public long siteId(SiteRef site) {
    return site.id() != null ? site.id() : sites.idOf(get(), site);
  }

  public Caller get() {
    if (caller == null) {
      caller = resolve();
    }
    return caller;
  }

  /** The identity provider's subject of the signed-in person, for personal operations. */
  public String subject() {
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      return token.getSubject();
    }
    throw new UnauthorizedException();
  }

  private Caller resolve() {
    if (identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    Caller fromKey = identity.getAttribute(ApiKeyIdentityProvider.CALLER);
    if (fromKey != null) {
      return fromKey;
    }
    if (identity.getAttribute(ApiKeyIdentityProvider.OPERATOR) != null) {
      // An operator's key runs the platform, never a tenant: it reaches no tenant's data.
      throw new Forbidden("An operator key calls the platform API only, not a tenant's");
    }
    if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
      Object claim = token.getClaim(TENANT_CLAIM);
      String tenant =
          claim instanceof JsonString text
              ? text.getString()
              : claim == null ? null : claim.toString();
      return members.callerFor(
          TokenActor.of(token), members.memberships(token.getSubject()), tenant);
    }
    throw new UnauthorizedException();
  }
}
