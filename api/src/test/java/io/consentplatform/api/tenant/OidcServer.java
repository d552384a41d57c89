package io.consentplatform.api.tenant;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quarkus' OIDC test server, with bearer tokens switched on for the tenant API; tokens are signed
 * with its key, as an identity provider would.
 */
public class OidcServer extends OidcWiremockTestResource {

  static final String ISSUER = "https://server.example.com";

  /**
   * The private key whose public half the mock identity provider publishes. Named here rather than
   * read from the application's configuration ({@code smallrye.jwt.sign.key.location}), which the
   * test's JVM lacks when a suite runs against the packaged application.
   */
  private static final String SIGNING_KEY = "privateKey.jwk";

  /** The platform's own client at this identity provider: the tenant API's default audience. */
  static final String CLIENT = "consent-platform";

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    config.put("quarkus.oidc.tenant-enabled", "true");
    config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus");
    config.put("quarkus.oidc.token.issuer", ISSUER);
    // Said outright for the packaged application (the native module's twins): Quarkus hands it the
    // properties of earlier suites' resources too, such as Keycloak's client and back-office
    // tenant.
    config.put("quarkus.oidc.client-id", CLIENT);
    config.put("quarkus.oidc.admin.tenant-enabled", "false");
    return config;
  }

  /** A bearer token for a person. */
  public static String token(String subject) {
    return claims(subject).sign(SIGNING_KEY);
  }

  /** A bearer token for a person, naming the tenant they act for. */
  public static String token(String subject, String tenant) {
    return claims(subject).claim("tenant", tenant).sign(SIGNING_KEY);
  }

  /** A bearer token of a platform operator: the client role of the platform's own client. */
  public static String operatorToken(String subject) {
    return claims(subject)
        .claim("resource_access", Map.of(CLIENT, Map.of("roles", List.of("platform-operator"))))
        .sign(SIGNING_KEY);
  }

  /**
   * A bearer token for a person with claims added or replaced (the audience too); a claim given as
   * the empty string is left out.
   */
  static String token(String subject, Map<String, Object> claims) {
    JwtClaimsBuilder builder = claims(subject);
    claims.forEach(
        (name, value) -> {
          if ("".equals(value)) {
            builder.remove(name);
          } else {
            builder.claim(name, value);
          }
        });
    return builder.sign(SIGNING_KEY);
  }

  private static JwtClaimsBuilder claims(String subject) {
    return Jwt.subject(subject)
        .issuer(ISSUER)
        .audience(CLIENT)
        .claim("email", subject + "@example.org")
        .expiresIn(600);
  }
}
