package io.consentplatform.api.tenant.access;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.error.Forbidden;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The operator calling the platform API, as the audit trail names them: an operator key's own
 * actor, or the bearer token's issuer-qualified subject (operator by the identity provider's role
 * or by the platform's list, which {@link OperatorRoleAugmentor} turned into the role).
 */
@RequestScoped
public class CurrentOperator {

  private final SecurityIdentity identity;

  public CurrentOperator(SecurityIdentity identity) {
    this.identity = identity;
  }

  public Actor get() {
    if (!identity.hasRole(PlatformResource.OPERATOR)) {
      throw new Forbidden("Only the platform's operators may do this");
    }
    Actor fromKey = identity.getAttribute(ApiKeyIdentityProvider.OPERATOR);
    if (fromKey != null) {
      return fromKey;
    }
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      return TokenActor.of(token);
    }
    throw new Forbidden("Only the platform's operators may do this");
  }
}
