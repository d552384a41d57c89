package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does: start the packaged platform with no configuration at all, use it, stop it,
 * start it again. It must run on its embedded PostgreSQL and keep its data.
 */
class EmbeddedDatabaseIT {

  private static final Path RUNNER = Path.of("target/quarkus-app/quarkus-run.jar");

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> started = new ArrayList<>();

  @TempDir Path workDir;

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process process : started) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void shouldRunWithNoConfigurationAndKeepItsDataAcrossRestarts() throws Exception {
    int httpPort = freePort();
    int dbPort = freePort();

    Process first = start(httpPort, dbPort, "first.log");
    awaitReady(httpPort, first);
    String page = get(httpPort, "/sites/townofcary/cookie-policy");
    for (String cookie :
        List.of("sessionid", "django_language", "csrftoken", "cookies_preferences")) {
      assertTrue(page.contains("<code>" + cookie + "</code>"), cookie + " is on the demo page");
    }
    execute(
        dbPort, "insert into tenant (slug, name) values ('kept-tenant', 'Kept across restarts')");
    stop(first);

    Process second = start(httpPort, dbPort, "second.log");
    awaitReady(httpPort, second);

    assertEquals(1, count(dbPort, "select count(*) from tenant where slug = 'kept-tenant'"));
    assertEquals(1, count(dbPort, "select count(*) from tenant where slug = 'town-of-cary'"));
    assertEquals(1, count(dbPort, "select count(*) from policy_version"));
    assertTrue(Files.isDirectory(workDir.resolve("data").resolve("base")), "data lives in ./data");
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
    String form =
        "j_username="
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

  private Process start(int httpPort, int dbPort, String log) throws IOException {
    // The working directory is a fresh folder: the default ./data is created inside it.
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + httpPort,
                "-Dconsent.embedded-db.port=" + dbPort,
                "-jar",
                RUNNER.toAbsolutePath().toString())
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve(log).toFile())
            .start();
    started.add(process);
    return process;
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy(); // SIGTERM: the platform stops, then its database
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s");
  }

  private void awaitReady(int httpPort, Process process) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("The platform exited: " + Files.readString(logOf(process)));
      }
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + httpPort + "/q/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Not ready within 90 s: " + Files.readString(logOf(process)));
  }

  private Path logOf(Process process) {
    return workDir.resolve(started.indexOf(process) == 0 ? "first.log" : "second.log");
  }

  private String get(int httpPort, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path);
    return response.body();
  }

  private static void execute(int dbPort, String sql) throws SQLException {
    try (Connection connection = connect(dbPort);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(int dbPort, String sql) throws SQLException {
    try (Connection connection = connect(dbPort);
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection connect(int dbPort) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + dbPort + "/consent", "postgres", "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
