package io.consentplatform.admin;

import io.consentplatform.core.tenant.LocalAccounts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Restores a signed-in local account from its encrypted session cookie, as long as the account
 * still exists, has not ended its sessions since (sign-out, new password: its session version
 * changed) and the session is younger than its absolute lifetime. Otherwise the person is signed
 * out at this request, whatever cookie they kept.
 */
@ApplicationScoped
public class LocalSessionIdentityProvider
    implements IdentityProvider<TrustedAuthenticationRequest> {

  private final LocalAccounts accounts;
  private final Duration lifetime;

  public LocalSessionIdentityProvider(LocalAccounts accounts, AdminConfig config) {
    this.accounts = accounts;
    this.lifetime = config.sessionLifetime();
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
          LocalSession session =
              LocalSession.parse(request.getPrincipal())
                  .orElseThrow(() -> new AuthenticationFailedException("Not a session cookie"));
          if (!Instant.now().isBefore(session.signedInAt().plus(lifetime))) {
            throw new AuthenticationFailedException("The session is older than its lifetime");
          }
          Optional<Integer> version = accounts.sessionVersion(session.email());
          if (version.isEmpty()) {
            throw new AuthenticationFailedException("The account no longer exists");
          }
          if (version.get() != session.version()) {
            throw new AuthenticationFailedException("The session was ended");
          }
          return QuarkusSecurityIdentity.builder().setPrincipal(session).build();
        });
  }
}
