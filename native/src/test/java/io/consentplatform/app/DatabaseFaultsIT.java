package io.consentplatform.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.db.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a production platform meets, against a real PostgreSQL that the test stops, starts and
 * survives: nothing answered 201 may ever be missing afterwards.
 */
class DatabaseFaultsIT {

  @TempDir Path workDir;

  private final Started started = new Started();

  @AfterEach
  void stopAll() throws InterruptedException {
    started.stopAll();
  }

  @Test
  void shouldWaitNotReadyButAliveForADatabaseThatIsNotThereYet() throws Exception {
    int dbPort = Platform.freePort();
    // Created and stopped first, so that the platform can be given the password it will ask for.
    started.database = EmbeddedPostgresServer.start(workDir.resolve("pg"), dbPort, true);
    Records.Db db = Records.of(started.database);
    started.database.close();
    Platform platform = start(db, "unreachable.log");

    platform.await("/q/health/live", 200, Duration.ofSeconds(60));
    assertEquals(503, platform.status("/q/health/ready"));
    Thread.sleep(3000);
    assertTrue(platform.process.isAlive(), "no crash, so no crash loop");
    assertEquals(503, platform.status("/q/health/ready"));
    assertTrue(
        Files.readString(platform.log).contains("cannot be reached: the platform is running but"),
        "one clear line in the log");

    started.database = EmbeddedPostgresServer.start(workDir.resolve("pg"), dbPort, true);
    platform.await("/q/health/ready", 200, Duration.ofSeconds(15));
    assertEquals(
        201, platform.post("/v1/sites/townofcary/consents", Writers.DECISION).statusCode());
  }

  @Test
  void shouldLoseNoAcknowledgedDecisionWhileTheDatabaseRestarts() throws Exception {
    started.database = EmbeddedPostgresServer.start(workDir.resolve("pg"), 0, true);
    int dbPort = started.database.port();
    Records.Db db = Records.of(started.database);
    Platform platform = start(db, "restart.log");
    platform.awaitReady();

    try (Writers writers = new Writers(platform, 4)) {
      Thread.sleep(1500);
      started.database.close();
      Thread.sleep(2500);
      started.database = EmbeddedPostgresServer.start(workDir.resolve("pg"), dbPort, true);
      Instant back = Instant.now();
      Instant firstAfter = writers.awaitAcknowledgedAfter(back, Duration.ofSeconds(15));
      Thread.sleep(1000);
      writers.close();

      Duration recovery = Duration.between(back, firstAfter);
      System.out.printf(
          "Database restart: %d acknowledged, %d answered 503, recovered in %d ms%n",
          writers.acknowledged.size(), writers.unavailable.get(), recovery.toMillis());
      assertTrue(writers.unavailable.get() > 0, "the outage was noticed");
      assertEquals(
          0,
          writers.otherAnswers.get(),
          () -> "only 201 or 503 with Retry-After: " + writers.others + errorsIn(platform));
      assertTrue(recovery.compareTo(Duration.ofSeconds(5)) <= 0, "recovered in " + recovery);
      assertEquals(Set.of(), Records.missing(db, writers.acknowledged), "acknowledged but missing");
    }
  }

  @Test
  void shouldLoseNoAcknowledgedDecisionWhenKilledMidWrite() throws Exception {
    started.database = EmbeddedPostgresServer.start(workDir.resolve("pg"), 0, true);
    Records.Db db = Records.of(started.database);
    Platform platform = start(db, "killed.log");
    platform.awaitReady();

    Writers writers = new Writers(platform, 4);
    Thread.sleep(2000);
    platform.kill();
    writers.close();
    System.out.printf(
        "SIGKILL during writes: %d acknowledged before the kill%n", writers.acknowledged.size());
    assertTrue(writers.acknowledged.size() > 10, "decisions were flowing");
    assertEquals(Set.of(), Records.missing(db, writers.acknowledged), "acknowledged but missing");

    Platform again = start(db, "after-kill.log");
    again.awaitReady();
    await("the queue sealed")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> Records.single(db, "select count(*) from consent_ledger_pending") == 0);
    assertEquals(
        Records.single(db, "select count(*) from consent_record"),
        Records.single(db, "select count(*) from consent_ledger"),
        "every record, queued before the kill, is sealed after the restart");
  }

  private Platform start(Records.Db db, String log) throws Exception {
    Map<String, String> properties = new HashMap<>(Records.platformOn(db));
    properties.put("consent.database.retry-interval", "1s");
    Platform platform = Platform.start(workDir, log, properties);
    return started.platform(platform);
  }

  private static String errorsIn(Platform platform) {
    try {
      return Files.readAllLines(platform.log).stream()
          .filter(line -> line.contains("ERROR") || line.startsWith("Caused by"))
          .toList()
          .toString();
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
