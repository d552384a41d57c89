package io.consentplatform.api.tenant;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Quarkus' OIDC test server, with bearer tokens switched on for the tenant API; tokens are signed
 * with its key, as an identity provider would.
 */
public class OidcServer extends OidcWiremockTestResource {

  static final String ISSUER = "https://server.example.com";

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    config.put("quarkus.oidc.tenant-enabled", "true");
    config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus");
    config.put("quarkus.oidc.token.issuer", ISSUER);
    return config;
  }

  /** A bearer token for a person. */
  public static String token(String subject) {
    return claims(subject).sign();
  }

  /** A bearer token for a person, naming the tenant they act for. */
  public static String token(String subject, String tenant) {
    return claims(subject).claim("tenant", tenant).sign();
  }

  /** A bearer token of a platform operator. */
  public static String operatorToken(String subject) {
    return claims(subject).groups(Set.of("platform-operator")).sign();
  }

  private static JwtClaimsBuilder claims(String subject) {
    return Jwt.subject(subject)
        .issuer(ISSUER)
        .audience("consent-platform")
        .claim("email", subject + "@example.org")
        .expiresIn(600);
  }
}
