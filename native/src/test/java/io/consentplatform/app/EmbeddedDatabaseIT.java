package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does: start the packaged platform with no configuration at all, use it, stop it,
 * start it again. It must run on its embedded PostgreSQL and keep its data.
 */
// The embedded database is a convenience of the JVM jar; the native executable refuses to start
// without an external one (NativeWithoutDatabaseIT, where an executable exists).
@DisabledIfSystemProperty(named = "native.image.path", matches = ".+")
class EmbeddedDatabaseIT {

  private final List<Platform> started = new ArrayList<>();

  @TempDir Path workDir;

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Platform platform : started) {
      if (platform.process.isAlive()) {
        platform.stop();
      }
    }
  }

  @Test
  void shouldRunWithNoConfigurationAndKeepItsDataAcrossRestarts() throws Exception {
    int dbPort = Platform.freePort();

    Platform first = start(dbPort, "first.log");
    first.awaitReady();
    String page = first.get("/sites/townofcary/cookie-policy");
    for (String cookie :
        List.of("sessionid", "django_language", "csrftoken", "cookies_preferences")) {
      assertTrue(page.contains("<code>" + cookie + "</code>"), cookie + " is on the demo page");
    }
    execute(
        dbPort, "insert into tenant (slug, name) values ('kept-tenant', 'Kept across restarts')");
    assertTrue(firstOwnerSeesTheDemo(first.port), "the printed first owner signs in");
    first.stop();

    Platform second = start(dbPort, "second.log");
    second.awaitReady();

    assertEquals(1, count(dbPort, "select count(*) from tenant where slug = 'kept-tenant'"));
    assertEquals(1, count(dbPort, "select count(*) from tenant where slug = 'town-of-cary'"));
    assertEquals(1, count(dbPort, "select count(*) from policy_version"));
    assertTrue(Files.isDirectory(workDir.resolve("data").resolve("base")), "data lives in ./data");
    assertThrows(
        SQLException.class,
        () ->
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + dbPort + "/consent", "postgres", ""),
        "the embedded database asks for its password");
  }

  /** The log of the first start names the back office's first owner and their password. */
  private boolean firstOwnerSeesTheDemo(int httpPort) throws Exception {
    Matcher printed =
        Pattern.compile("as (\\S+) with the password (\\S+) ")
            .matcher(Files.readString(workDir.resolve("first.log")));
    assertTrue(printed.find(), "the first owner's password is printed once");
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    // The form first: its token goes with the post, its cookie stays in the cookie manager.
    HttpResponse<String> signInPage =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/admin/login"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String form =
        "signin-token="
            + SignInForm.token(signInPage.body())
            + "&j_username="
            + URLEncoder.encode(printed.group(1), StandardCharsets.UTF_8)
            + "&j_password="
            + URLEncoder.encode(printed.group(2), StandardCharsets.UTF_8);
    HttpResponse<String> signIn =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, signIn.statusCode());
    HttpResponse<String> sites =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/admin/sites"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return sites.statusCode() == 200 && sites.body().contains("Town of Cary open data portal");
  }

  private Platform start(int dbPort, String log) throws IOException {
    // The working directory is a fresh folder: the default ./data is created inside it.
    Platform platform =
        Platform.start(workDir, log, Map.of("consent.embedded-db.port", String.valueOf(dbPort)));
    started.add(platform);
    return platform;
  }

  private void execute(int dbPort, String sql) throws SQLException {
    try (Connection connection = connect(dbPort);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private long count(int dbPort, String sql) throws SQLException {
    try (Connection connection = connect(dbPort);
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** As the platform connects: with the password its first start chose and kept in ./data. */
  private Connection connect(int dbPort) throws SQLException {
    String password = EmbeddedPostgresServer.passwordIn(workDir.resolve("data")).orElseThrow();
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + dbPort + "/consent", "postgres", password);
  }
}
