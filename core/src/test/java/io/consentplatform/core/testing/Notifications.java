package io.consentplatform.core.testing;

import io.consentplatform.core.policy.PolicyChangeListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Waits for the instance's listener to catch up with the database's notifications. A publication's
 * notification arrives after its commit and makes memory forget the site; a test that warms memory
 * and then counts on it must wait for that late forgetting first, or race it.
 */
public final class Notifications {

  private Notifications() {}

  /** Returns once the listener has acted on every notification committed before this call. */
  public static void awaitEverySoFar(DataSource dataSource, PolicyChangeListener listener)
      throws SQLException, InterruptedException {
    // Notifications arrive in commit order: hearing a sentinel sent now means hearing all before
    // it.
    String sentinel = "sentinel-" + System.nanoTime();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("select pg_notify('policy_published', '" + sentinel + "')");
    }
    Instant sent = Instant.now();
    while (!sentinel.equals(listener.lastHeard())) {
      if (Duration.between(sent, Instant.now()).toSeconds() >= 10) {
        throw new AssertionError("the listener did not hear a notification within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
