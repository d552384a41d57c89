package io.consentplatform.api.tenant.access;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads a tenant API key from the {@code X-Api-Key} header, for servers calling without an identity
 * provider. Requests without the header are left to the other mechanisms (OIDC).
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {

  public static final String HEADER = "X-Api-Key";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identities) {
    String key = context.request().getHeader(HEADER);
    if (key == null) {
      return Uni.createFrom().nullItem();
    }
    return identities.authenticate(new ApiKeyRequest(key));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().nullItem();
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(ApiKeyRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
  }
}
