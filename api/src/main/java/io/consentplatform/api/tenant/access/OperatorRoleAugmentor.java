package io.consentplatform.api.tenant.access;

import io.consentplatform.core.platform.PlatformOperators;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives the operator role to a bearer token whose holder is on the platform's own list of operators
 * ({@link PlatformOperators}), besides those the identity provider's client role makes operators.
 * The list names them by issuer and subject, so no other provider's token can match.
 */
@ApplicationScoped
public class OperatorRoleAugmentor implements SecurityIdentityAugmentor {

  private final PlatformOperators operators;

  public OperatorRoleAugmentor(PlatformOperators operators) {
    this.operators = operators;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous()
        || identity.hasRole(PlatformOperators.ROLE)
        || !(identity.getPrincipal() instanceof JsonWebToken token)
        || token.getIssuer() == null
        || token.getSubject() == null) {
      return Uni.createFrom().item(identity);
    }
    return context.runBlocking(
        () ->
            operators.isOperator(TokenActor.of(token).id())
                ? QuarkusSecurityIdentity.builder(identity).addRole(PlatformOperators.ROLE).build()
                : identity);
  }
}
