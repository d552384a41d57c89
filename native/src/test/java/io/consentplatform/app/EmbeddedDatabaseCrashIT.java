package io.consentplatform.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default set-up (no database configured, the embedded PostgreSQL in ./data) meeting what
 * happens to a process on a laptop or a small server: a SIGKILL while visitors decide, a stop that
 * comes while it is still starting, a second start on the same directory. The oracle is the
 * operating system's process table and the receipts the restarted platform serves.
 */
@DisabledIfSystemProperty(named = "native.image.path", matches = ".+")
class EmbeddedDatabaseCrashIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path workDir;

  private final Started started = new Started();

  @AfterEach
  void stopAll() throws Exception {
    started.stopAll();
    // A failed test must not leave a server behind for the next one.
    for (ProcessHandle postgres : postgresOn(dataDir())) {
      signal(postgres, "QUIT");
    }
  }

  @Test
  void shouldComeBackWithEveryAcknowledgedDecisionAfterSigkill() throws Exception {
    Platform first = start("first.log");
    first.awaitReady();
    ProcessHandle database = single(postgresOn(dataDir()));

    Set<UUID> acknowledged = writeThenKill(first);

    // Nothing but the platform was killed: its database must notice and stop by itself.
    Instant killed = Instant.now();
    assertTrue(
        stopsWithin(database, Duration.ofSeconds(5)), "the orphaned PostgreSQL stops within 5 s");
    long databaseGoneMs = Duration.between(killed, Instant.now()).toMillis();

    Instant restart = Instant.now();
    Platform second = start("second.log");
    second.await("/q/health/ready", 200, Duration.ofSeconds(30));
    long readyMs = Duration.between(restart, Instant.now()).toMillis();

    List<UUID> lost = notServed(second, acknowledged);
    System.out.printf(
        "SIGKILL of the platform on its embedded database: %d acknowledged, %d lost, its"
            + " PostgreSQL gone %d ms after the kill, ready %d ms after the restart%n",
        acknowledged.size(), lost.size(), databaseGoneMs, readyMs);
    assertEquals(List.of(), lost, "acknowledged decisions whose receipt is not served");

    second.stop();
    assertEquals(List.of(), postgresOn(dataDir()), "no PostgreSQL outlives the platform");
  }

  @Test
  void shouldStopThePostgresThatAKilledPlatformLeftRunning() throws Exception {
    Platform first = start("first.log");
    first.awaitReady();
    ProcessHandle orphan = single(postgresOn(dataDir()));
    // What the issue met: the platform gone, its PostgreSQL still running and holding ./data.
    for (ProcessHandle watchdog : first.process.children().toList()) {
      watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
      watchdog.destroyForcibly();
    }
    Set<UUID> acknowledged = writeThenKill(first);
    Thread.sleep(2000);
    assertTrue(isPostgres(orphan), "the killed platform's PostgreSQL still runs");

    Instant restart = Instant.now();
    Platform second = start("second.log");
    second.await("/q/health/ready", 200, Duration.ofSeconds(30));
    long readyMs = Duration.between(restart, Instant.now()).toMillis();

    assertFalse(isPostgres(orphan), "the left-over PostgreSQL was stopped");
    assertTrue(
        Files.readString(second.log).contains("still runs on " + dataDir()),
        "the log says what happened");
    List<UUID> lost = notServed(second, acknowledged);
    System.out.printf(
        "SIGKILL of the platform and its watchdog: %d acknowledged, %d lost, the left-over"
            + " PostgreSQL stopped and the platform ready %d ms after the restart%n",
        acknowledged.size(), lost.size(), readyMs);
    assertEquals(List.of(), lost, "acknowledged decisions whose receipt is not served");

    second.stop();
    assertEquals(List.of(), postgresOn(dataDir()), "no PostgreSQL outlives the platform");
  }

  @Test
  void shouldStopItsDatabaseWhenStoppedAtAnyMomentOfStartUp() throws Exception {
    // The first start extracts the binaries and runs initdb; the later ones start a kept directory.
    for (long delayMs : new long[] {400, 1200, 2500, 4000, 6000}) {
      Platform platform = start("stop-after-" + delayMs + "ms.log");
      Thread.sleep(delayMs);
      platform.process.destroy(); // SIGTERM
      assertTrue(
          platform.process.waitFor(60, TimeUnit.SECONDS),
          "stopped within 60 s when told to stop " + delayMs + " ms after its start");
      // Checked the moment the platform is gone: in order, not left to the watchdog.
      assertEquals(
          List.of(),
          postgresOn(dataDir()),
          "PostgreSQL outlived a platform stopped " + delayMs + " ms after its start");
    }
    Platform last = start("ready.log");
    last.awaitReady();
    last.stop();
    assertEquals(
        List.of(), postgresOn(dataDir()), "PostgreSQL outlived a platform stopped when ready");
  }

  @Test
  void shouldRefuseASecondPlatformOnTheSameDirectory() throws Exception {
    Platform first = start("first.log");
    first.awaitReady();
    ProcessHandle database = single(postgresOn(dataDir()));

    Platform second = start("second.log");
    assertTrue(second.process.waitFor(60, TimeUnit.SECONDS), "the second start gives up");
    assertNotEquals(0, second.process.exitValue());
    String refusal = Files.readString(second.log);
    assertTrue(
        refusal.contains("in use by another running platform (process " + first.process.pid()),
        refusal);
    assertTrue(refusal.contains(dataDir().toString()), refusal);

    assertTrue(isPostgres(database), "the first platform's PostgreSQL still runs");
    assertEquals(200, first.status("/q/health/ready"), "the first platform still serves");
    assertEquals(201, first.post("/v1/sites/townofcary/consents", Writers.DECISION).statusCode());
  }

  private Set<UUID> writeThenKill(Platform platform) throws Exception {
    Writers writers = new Writers(platform, 8);
    Thread.sleep(3000);
    platform.kill();
    writers.close();
    assertTrue(writers.acknowledged.size() > 50, "decisions were flowing");
    return writers.acknowledged;
  }

  /** The acknowledged decisions whose receipt the platform does not serve. */
  private static List<UUID> notServed(Platform platform, Set<UUID> acknowledged)
      throws IOException, InterruptedException {
    List<UUID> lost = new ArrayList<>();
    for (UUID id : acknowledged) {
      HttpResponse<Void> receipt =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://localhost:"
                              + platform.port
                              + "/v1/sites/townofcary/consents/"
                              + id))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (receipt.statusCode() != 200) {
        lost.add(id);
      }
    }
    return lost;
  }

  private Platform start(String log) throws IOException {
    // No database configured: the embedded default, in ./data of the working directory.
    // The test writes and then reads back hundreds of decisions from one address: no rate limit.
    return started.platform(
        Platform.start(
            workDir,
            log,
            Map.of(
                "consent.api.rate-limit-per-minute",
                "100000000",
                "consent.api.read-rate-limit-per-minute",
                "100000000")));
  }

  private Path dataDir() {
    return workDir.resolve("data").toAbsolutePath();
  }

  /**
   * The PostgreSQL servers running on {@code dataDirectory}, as the process table shows them: a
   * postmaster works in its data directory (a server's backends are its children, not counted).
   */
  private static List<ProcessHandle> postgresOn(Path dataDirectory) {
    return ProcessHandle.allProcesses()
        .filter(
            process ->
                isPostgres(process)
                    && !process.parent().map(EmbeddedDatabaseCrashIT::isPostgres).orElse(false))
        .filter(process -> workingDirectory(process).equals(dataDirectory))
        .toList();
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false)
        && !exited(process);
  }

  /** An exited process waiting to be collected by its parent (state Z in /proc) runs nothing. */
  private static boolean exited(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException gone) {
      return true;
    }
  }

  private static Path workingDirectory(ProcessHandle process) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "cwd"));
    } catch (IOException goneOrHidden) {
      return Path.of("/");
    }
  }

  private static boolean stopsWithin(ProcessHandle postgres, Duration within) {
    try {
      await().atMost(within).pollInterval(Duration.ofMillis(20)).until(() -> !isPostgres(postgres));
      return true;
    } catch (ConditionTimeoutException stillRunning) {
      return false;
    }
  }

  private static ProcessHandle single(List<ProcessHandle> processes) {
    assertEquals(1, processes.size(), "one PostgreSQL on the directory: " + processes);
    return processes.get(0);
  }

  private static void signal(ProcessHandle process, String signal) throws Exception {
    new ProcessBuilder("sh", "-c", "kill -" + signal + " " + process.pid()).start().waitFor();
    process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).get();
  }
}
