package io.consentplatform.admin;

import io.consentplatform.core.tenant.LocalAccounts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Checks the back office's local accounts (e-mail and bcrypt password). The identity carries no
 * role: what a person may do comes from their tenant memberships, as for identity-provider users.
 */
@ApplicationScoped
public class LocalAccountIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  private final LocalAccounts accounts;

  public LocalAccountIdentityProvider(LocalAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(
        () -> {
          String email = request.getUsername();
          String password = new String(request.getPassword().getPassword());
          if (!accounts.verify(email, password)) {
            // Marked, so that the answer is the form again rather than the API's problem document.
            throw new AuthenticationFailedException(
                "Wrong e-mail or password", Map.of(LocalAccounts.SIGN_IN_FORM, true));
          }
          return QuarkusSecurityIdentity.builder()
              .setPrincipal(new QuarkusPrincipal(email))
              .build();
        });
  }
}
