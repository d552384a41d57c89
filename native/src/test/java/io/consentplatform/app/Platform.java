package io.consentplatform.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged platform run as its own process, as an operator runs it: the jar on this JVM, or the
 * native executable when the build names one ({@code native.image.path}, set by Quarkus' native
 * build), so the same tests run against either.
 */
final class Platform {

  private static final Path RUNNER = Path.of("target/quarkus-app/quarkus-run.jar");
  private static final String NATIVE_IMAGE = System.getProperty("native.image.path", "");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final int port;
  final int managementPort;
  final Process process;
  final Path log;

  private Platform(int port, int managementPort, Process process, Path log) {
    this.port = port;
    this.managementPort = managementPort;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the jar in {@code workDir} configured with {@code properties} as a container is, through
   * its environment ({@code quarkus.http.port} as {@code QUARKUS_HTTP_PORT}); its output goes to
   * {@code log}. The native executable once read its database from system properties only.
   */
  static Platform start(Path workDir, String log, Map<String, String> properties)
      throws IOException {
    int port = freePort();
    int managementPort = freePort();
    List<String> command = new ArrayList<>();
    if (isNative()) {
      command.add(Path.of(NATIVE_IMAGE).toAbsolutePath().toString());
    } else {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-jar");
      command.add(RUNNER.toAbsolutePath().toString());
    }
    Path logFile = workDir.resolve(log);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    Map<String, String> environment = builder.environment();
    environment.put(environmentName("quarkus.http.port"), String.valueOf(port));
    environment.put(environmentName("quarkus.management.port"), String.valueOf(managementPort));
    properties.forEach((key, value) -> environment.put(environmentName(key), value));
    return new Platform(port, managementPort, builder.start(), logFile);
  }

  /** The environment variable Quarkus reads {@code property} from. */
  static String environmentName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  static boolean isNative() {
    return !NATIVE_IMAGE.isBlank();
  }

  /** Health and metrics are asked of the management interface, anything else of the public port. */
  URI uri(String path) {
    boolean management = path.startsWith("/q/health") || path.startsWith("/q/metrics");
    return URI.create("http://localhost:" + (management ? managementPort : port) + path);
  }

  /** The status of a GET, or -1 while nothing listens. */
  int status(String path) throws InterruptedException {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException notListening) {
      return -1;
    }
  }

  /** The body of a GET that must answer 200. */
  String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new AssertionError(path + " answered " + answer.statusCode());
    }
    return answer.body();
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return post(path, json, Map.of());
  }

  HttpResponse<String> post(String path, String json, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until {@code path} answers {@code status}; fails if the process exits first. */
  void await(String path, int status, Duration within) throws Exception {
    try {
      Awaitility.await(path + " answering " + status)
          .atMost(within)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new AssertionError("The platform exited: " + Files.readString(log));
                }
                return status(path) == status;
              });
    } catch (ConditionTimeoutException late) {
      throw new AssertionError(
          path + " did not answer " + status + " within " + within + ": " + Files.readString(log),
          late);
    }
  }

  void awaitReady() throws Exception {
    await("/q/health/ready", 200, Duration.ofSeconds(90));
  }

  /** SIGTERM, and waits for the orderly stop. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not stop within 30 s");
    }
  }

  /** SIGKILL: no shutdown hook, no finishing of requests in flight. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
