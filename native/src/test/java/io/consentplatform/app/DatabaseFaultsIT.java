package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.db.EmbeddedPostgresServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a production platform meets, against a real PostgreSQL that the test stops, starts and
 * survives: nothing answered 201 may ever be missing afterwards.
 */
class DatabaseFaultsIT {

  private static final String DECISION =
      "{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"}";
  private static final Pattern CONSENT_ID = Pattern.compile("\"consentId\":\"([0-9a-f-]{36})\"");

  @TempDir Path workDir;

  private EmbeddedPostgresServer database;
  private final List<Platform> platforms = new ArrayList<>();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Platform platform : platforms) {
      platform.kill();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void shouldWaitNotReadyButAliveForADatabaseThatIsNotThereYet() throws Exception {
    int dbPort = Platform.freePort();
    Platform platform = start(dbPort, "unreachable.log");

    platform.await("/q/health/live", 200, Duration.ofSeconds(60));
    assertEquals(503, platform.status("/q/health/ready"));
    Thread.sleep(3000);
    assertTrue(platform.process.isAlive(), "no crash, so no crash loop");
    assertEquals(503, platform.status("/q/health/ready"));
    assertTrue(
        Files.readString(platform.log).contains("cannot be reached: the platform is running but"),
        "one clear line in the log");

    database = EmbeddedPostgresServer.start(workDir.resolve("pg"), dbPort, true);
    platform.await("/q/health/ready", 200, Duration.ofSeconds(15));
    assertEquals(201, platform.post("/v1/sites/townofcary/consents", DECISION).statusCode());
  }

  @Test
  void shouldLoseNoAcknowledgedDecisionWhileTheDatabaseRestarts() throws Exception {
    database = EmbeddedPostgresServer.start(workDir.resolve("pg"), 0, true);
    int dbPort = database.port();
    Platform platform = start(dbPort, "restart.log");
    platform.awaitReady();

    try (Writers writers = new Writers(platform, 4)) {
      Thread.sleep(1500);
      database.close();
      Thread.sleep(2500);
      database = EmbeddedPostgresServer.start(workDir.resolve("pg"), dbPort, true);
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
      assertEquals(Set.of(), missing(dbPort, writers.acknowledged), "acknowledged but missing");
    }
  }

  @Test
  void shouldLoseNoAcknowledgedDecisionWhenKilledMidWrite() throws Exception {
    database = EmbeddedPostgresServer.start(workDir.resolve("pg"), 0, true);
    int dbPort = database.port();
    Platform platform = start(dbPort, "killed.log");
    platform.awaitReady();

    Writers writers = new Writers(platform, 4);
    Thread.sleep(2000);
    platform.kill();
    writers.close();
    System.out.printf(
        "SIGKILL during writes: %d acknowledged before the kill%n", writers.acknowledged.size());
    assertTrue(writers.acknowledged.size() > 10, "decisions were flowing");
    assertEquals(Set.of(), missing(dbPort, writers.acknowledged), "acknowledged but missing");

    Platform again = start(dbPort, "after-kill.log");
    again.awaitReady();
    long deadline = System.currentTimeMillis() + 10_000;
    while (count(dbPort, "select count(*) from consent_ledger_pending") > 0
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(
        count(dbPort, "select count(*) from consent_record"),
        count(dbPort, "select count(*) from consent_ledger"),
        "every record, queued before the kill, is sealed after the restart");
  }

  private Platform start(int dbPort, String log) throws Exception {
    Platform platform =
        Platform.start(
            workDir,
            log,
            Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://localhost:" + dbPort + "/" + EmbeddedPostgresServer.DATABASE,
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "",
                "consent.database.retry-seconds",
                "1",
                // These writers are one address sending hundreds a second, as no visitor does.
                "consent.api.rate-limit-per-minute",
                "100000000"));
    platforms.add(platform);
    return platform;
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

  private static Set<UUID> missing(int dbPort, Set<UUID> acknowledged) throws SQLException {
    Set<UUID> missing = ConcurrentHashMap.newKeySet();
    missing.addAll(acknowledged);
    try (Connection connection = connect(dbPort);
        PreparedStatement query =
            connection.prepareStatement("select id from consent_record where id = any (?)")) {
      Array ids = connection.createArrayOf("uuid", acknowledged.toArray());
      query.setArray(1, ids);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          missing.remove(rows.getObject(1, UUID.class));
        }
      }
    }
    return missing;
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
        "jdbc:postgresql://localhost:" + dbPort + "/" + EmbeddedPostgresServer.DATABASE,
        "postgres",
        "");
  }

  /** Visitors deciding as fast as they can, remembering each acknowledged receipt. */
  private static final class Writers implements AutoCloseable {
    final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger otherAnswers = new AtomicInteger();
    final List<String> others = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicReference<Instant> lastAcknowledged = new AtomicReference<>(Instant.EPOCH);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;

    Writers(Platform platform, int threads) {
      pool = Executors.newFixedThreadPool(threads);
      for (int i = 0; i < threads; i++) {
        pool.submit(
            () -> {
              while (running.get()) {
                try {
                  HttpResponse<String> answer =
                      platform.post("/v1/sites/townofcary/consents", DECISION);
                  if (answer.statusCode() == 201) {
                    Matcher id = CONSENT_ID.matcher(answer.body());
                    if (id.find()) {
                      acknowledged.add(UUID.fromString(id.group(1)));
                      lastAcknowledged.set(Instant.now());
                    } else {
                      otherAnswers.incrementAndGet();
                    }
                  } else if (answer.statusCode() == 503
                      && answer.headers().firstValue("Retry-After").isPresent()) {
                    unavailable.incrementAndGet();
                    Thread.sleep(50);
                  } else {
                    otherAnswers.incrementAndGet();
                    others.add(answer.statusCode() + " " + answer.body());
                  }
                } catch (java.io.IOException gone) {
                  // The process was killed: nothing was acknowledged for this request.
                  Thread.sleep(50);
                }
              }
              return null;
            });
      }
    }

    Instant awaitAcknowledgedAfter(Instant moment, Duration within) throws InterruptedException {
      Instant deadline = moment.plus(within);
      while (Instant.now().isBefore(deadline)) {
        Instant last = lastAcknowledged.get();
        if (last.isAfter(moment)) {
          return last;
        }
        Thread.sleep(20);
      }
      throw new AssertionError("No decision acknowledged within " + within + " of the restart");
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
  }
}
