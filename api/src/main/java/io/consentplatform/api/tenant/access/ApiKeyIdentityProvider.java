package io.consentplatform.api.tenant.access;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.tenant.ApiKeyService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a valid API key into an identity that carries its tenant and role. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

  /** The attribute of the identity that holds the key's {@link Caller}. */
  static final String CALLER = "consent.caller";

  private final ApiKeyService keys;

  public ApiKeyIdentityProvider(ApiKeyService keys) {
    this.keys = keys;
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
