package io.consentplatform.admin;

import io.consentplatform.core.tenant.LocalAccounts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores a signed-in local account from its encrypted session cookie, as long as the account
 * still exists: a deleted account is signed out at its next request.
 */
@ApplicationScoped
public class LocalSessionIdentityProvider
    implements IdentityProvider<TrustedAuthenticationRequest> {

  private final LocalAccounts accounts;

  public LocalSessionIdentityProvider(LocalAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Class<TrustedAuthenticationRequest> getRequestType() {
    return TrustedAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(
        () -> {
          if (!accounts.exists(request.getPrincipal())) {
            throw new AuthenticationFailedException("The account no longer exists");
          }
          return QuarkusSecurityIdentity.builder()
              .setPrincipal(new QuarkusPrincipal(request.getPrincipal()))
              .build();
        });
  }
}
