package io.consentplatform.api.tenant.access;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.platform.PlatformKeys;
import io.consentplatform.core.platform.PlatformOperators;
import io.consentplatform.core.tenant.ApiKeyService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a valid API key into an identity: a tenant's key carries its tenant and role, an operator's
 * key ({@code cpo_...}) the operator role and no tenant at all.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

  /** The attribute of the identity that holds the key's {@link Caller}. */
  static final String CALLER = "consent.caller";

  /** The attribute of an operator key's identity that holds the {@link Actor} it acts as. */
  static final String OPERATOR = "consent.operator";

  private final ApiKeyService keys;
  private final PlatformKeys operatorKeys;

  public ApiKeyIdentityProvider(ApiKeyService keys, PlatformKeys operatorKeys) {
    this.keys = keys;
    this.operatorKeys = operatorKeys;
  }

  @Override
  public Class<ApiKeyRequest> getRequestType() {
    return ApiKeyRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      ApiKeyRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(
        () -> {
          if (request.key().startsWith(PlatformKeys.KEY_PREFIX)) {
            Actor operator =
                operatorKeys
                    .authenticate(request.key())
                    .orElseThrow(
                        () -> new AuthenticationFailedException("Unknown or revoked API key"));
            return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(operator.id()))
                .addRole(PlatformOperators.ROLE)
                .addAttribute(OPERATOR, operator)
                .build();
          }
          Caller caller =
              keys.authenticate(request.key())
                  .orElseThrow(
                      () -> new AuthenticationFailedException("Unknown or revoked API key"));
          return QuarkusSecurityIdentity.builder()
              .setPrincipal(new QuarkusPrincipal(caller.actor()))
              .addRole(caller.role().name())
              .addAttribute(CALLER, caller)
              .build();
        });
  }
}
