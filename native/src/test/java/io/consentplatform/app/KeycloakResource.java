package io.consentplatform.app;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Keycloak, from the distribution Maven unpacked into target/, started in development mode
 * on loopback with the project's realm (users ops, alice and bob) and stopped after the tests. Host
 * names are 127.0.0.1 throughout, so that the tokens' issuer matches the configured server.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

  static final String REALM = "consent";
  static final String CLIENT = "consent-api";
  private static final Duration START_LIMIT = Duration.ofMinutes(5);

  private static String realmUrl;
  private Process keycloak;

  /** The realm's base URL, for getting tokens. */
  static String realmUrl() {
    return realmUrl;
  }

  @Override
  public Map<String, String> start() {
    Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.5.6"));
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          "Keycloak is not unpacked at " + home + ": run the build through Maven (mvn verify)");
    }
    try {
      // A fresh database at every start: the import skips a realm that exists, even an old one.
      deleteTree(home.resolve("data/h2"));
      Path imports = Files.createDirectories(home.resolve("data/import"));
      try (InputStream realm =
          KeycloakResource.class.getResourceAsStream("/keycloak/consent-realm.json")) {
        Files.copy(
            realm, imports.resolve("consent-realm.json"), StandardCopyOption.REPLACE_EXISTING);
      }
      int port = freePort();
      keycloak =
          new ProcessBuilder(
                  home.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--http-port=" + port,
                  "--http-host=127.0.0.1",
                  "--hostname=http://127.0.0.1:" + port,
                  "--import-realm")
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("keycloak.log").toFile())
              .start();
      realmUrl = "http://127.0.0.1:" + port + "/realms/" + REALM;
      awaitRealm(home.resolve("keycloak.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "quarkus.oidc.tenant-enabled",
        "true",
        "quarkus.oidc.auth-server-url",
        realmUrl,
        // Said outright: an earlier suite's mock identity provider (the twins' OidcServer) leaves
        // its own issuer among the properties Quarkus hands the next packaged application.
        "quarkus.oidc.token.issuer",
        realmUrl,
        "quarkus.oidc.client-id",
        CLIENT,
        "quarkus.oidc.admin.tenant-enabled",
        "true",
        "quarkus.oidc.admin.auth-server-url",
        realmUrl,
        "quarkus.oidc.admin.client-id",
        "consent-admin",
        "quarkus.oidc.admin.credentials.secret",
        "back-office-secret");
  }

  private void awaitRealm(Path log) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest discovery =
        HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration")).build();
    try {
      await("Keycloak's realm")
          .atMost(START_LIMIT)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptionsInstanceOf(IOException.class) // still starting
          .until(
              () -> {
                if (!keycloak.isAlive()) {
                  throw new IllegalStateException("Keycloak exited:\n" + Files.readString(log));
                }
                return http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode()
                    == 200;
              });
    } catch (ConditionTimeoutException late) {
      stop();
      throw new IllegalStateException(
          "Keycloak did not start within " + START_LIMIT + ":\n" + Files.readString(log), late);
    }
  }

  @Override
  public void stop() {
    if (keycloak != null) {
      keycloak.descendants().forEach(ProcessHandle::destroy);
      keycloak.destroy();
      try {
        keycloak.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      keycloak = null;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
