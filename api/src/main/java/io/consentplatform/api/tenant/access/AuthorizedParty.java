package io.consentplatform.api.tenant.access;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.TenantFeature;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Refuses a bearer token that names the party it was issued to ({@code azp}) when that party is not
 * one of the tenant API's audiences: Keycloak puts the platform's client in the {@code aud} of a
 * token another client of the realm obtained as soon as the person holds one of the platform's
 * client roles, so the audience alone would let that other application act here.
 */
@Unremovable
@ApplicationScoped
// The tenant API's bearer tokens only: the back office's sign-in (tenant "admin") has ID tokens of
// its own client. "Default" is the name Quarkus gives the unnamed OIDC tenant.
@TenantFeature("Default")
public class AuthorizedParty implements Validator {

  private final List<String> audiences;

  public AuthorizedParty(
      @ConfigProperty(name = "quarkus.oidc.token.audience") List<String> audiences) {
    this.audiences = List.copyOf(audiences);
  }

  @Override
  public String validate(JwtContext context) throws MalformedClaimException {
    if (!context.getJwtClaims().hasClaim("azp")) {
      return null;
    }
    String party = context.getJwtClaims().getStringClaimValue("azp");
    return audiences.contains(party)
        ? null
        : "The token was issued to " + party + ", not to one of " + audiences;
  }
}
