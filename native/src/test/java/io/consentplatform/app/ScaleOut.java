package io.consentplatform.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.db.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

/**
 * Two instances of the packaged platform behind one PostgreSQL, as a Kubernetes Deployment with two
 * replicas runs it: they share nothing but the database. {@link ScaleOutIT} asks one pair several
 * questions; {@link ScaleOutRestartIT} stops or kills instances, so each of its tests starts its
 * own.
 */
final class ScaleOut {

  static final String API_KEY = "cpk_scale-out-test-key-of-the-demo-owner";

  final Started started = new Started();
  private final Path workDir;
  Platform first;
  Platform second;

  ScaleOut(Path workDir) {
    this.workDir = workDir;
  }

  /** A fresh database and two instances on it. */
  void startTwoInstances() throws Exception {
    started.database = EmbeddedPostgresServer.start(workDir.resolve("pg"), 0, true);
    // Started together, as a rollout starts replicas: both migrate and seed, one of them does it.
    first = start("a", Map.of());
    // The second writes JSON logs, as an operator's log collector wants them.
    second = start("b", Map.of("quarkus.log.console.json.enabled", "true"));
    first.awaitReady();
    second.awaitReady();
  }

  void stopAll() throws InterruptedException {
    started.stopAll();
  }

  /** Starts one more instance on the database, named after its log file. */
  Platform start(String name, Map<String, String> extra) throws Exception {
    Map<String, String> properties =
        new HashMap<>(Records.platformOn(Records.of(started.database)));
    // Sessions of the back office must survive a switch of instance: one shared key.
    properties.put(
        "quarkus.http.auth.session.encryption-key",
        "a-key-shared-by-every-instance-of-this-test-0123456789");
    // A visitor's next decision may reach the other instance: one visitor-token key for all.
    properties.put("consent.visitor-tokens.key", "gSRC4t5AxQjkhU5ik0TwR+GwQAbtpxGpcohi+KFuR8o=");
    // Webhooks to the test's receiver on loopback, retried within seconds instead of minutes: only
    // a test that registers an endpoint sees any of it (the poll interval stays the default).
    properties.put("consent.webhooks.allow-private-networks", "true");
    properties.put("consent.webhooks.timeout", "2s");
    properties.put("consent.webhooks.retry-schedule", "1s,1s,1s,1s,1s,1s,1s,1s,1s,1s");
    properties.putAll(extra);
    Platform platform = Platform.start(workDir, name + ".log", properties);
    return started.platform(platform);
  }

  /** An owner's API key for the demo tenant, put straight into the database. */
  void grantApiKey() throws Exception {
    try (Connection connection = Records.connect(Records.of(started.database))) {
      DemoApiKeys.add(connection, "scale-out", API_KEY);
    }
  }

  static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
