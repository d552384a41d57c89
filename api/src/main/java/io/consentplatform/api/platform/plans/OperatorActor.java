package io.consentplatform.api.platform.plans;

import io.consentplatform.api.tenant.access.PlatformResource;
import io.consentplatform.api.tenant.access.TokenActor;
import io.consentplatform.core.access.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The operator calling a platform endpoint, as {@link PlatformResource} finds it: the audit trail
 * names them by their token's issuer-qualified subject.
 */
@RequestScoped
class OperatorActor {

  private final SecurityIdentity identity;

  OperatorActor(SecurityIdentity identity) {
    this.identity = identity;
  }

  Actor get() {
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      return TokenActor.of(token);
    }
    throw new ForbiddenException();
  }
}
