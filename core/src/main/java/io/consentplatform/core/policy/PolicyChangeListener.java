package io.consentplatform.core.policy;

import io.consentplatform.core.site.DeclaredDomains;
import io.consentplatform.core.site.SiteChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL for publications and site settings changes made by any instance and
 * invalidates {@link CurrentPolicies} and {@link DeclaredDomains}, so that all instances serve a
 * new version or new domains within a second. Holds one connection of its own, outside the pool;
 * reconnects after an outage and then forgets everything, since notifications sent meanwhile are
 * lost.
 */
@ApplicationScoped
public class PolicyChangeListener {

  private static final Logger LOG = Logger.getLogger(PolicyChangeListener.class);
  private static final int POLL_MILLIS = 250;
  private static final long RETRY_MILLIS = 1_000;

  private final CurrentPolicies current;
  private final DeclaredDomains domains;
  private final String url;
  private final Optional<String> username;
  private final Optional<String> password;
  private volatile boolean running;
  private volatile String lastHeard;
  private Thread thread;

  public PolicyChangeListener(
      CurrentPolicies current,
      DeclaredDomains domains,
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.current = current;
    this.domains = domains;
    this.url = url;
    this.username = username;
    this.password = password;
  }

  void onStart(@Observes StartupEvent start) {
    running = true;
    thread = new Thread(this::listen, "policy-change-listener");
    thread.setDaemon(true);
    thread.start();
  }

  void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.join(2 * POLL_MILLIS + 1_000);
    }
  }

  private void listen() {
    boolean failing = false;
    while (running) {
      try (Connection connection =
          DriverManager.getConnection(url, username.orElse(null), password.orElse(""))) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + PolicyPublished.CHANNEL);
          statement.execute("LISTEN " + SiteChanged.CHANNEL);
        }
        forgetAll();
        if (failing) {
          LOG.info("Listening for policy publications again");
          failing = false;
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              // A site's settings hold its domains and whether it is archived: both memories
              // forget it; a publication concerns the policies alone.
              if (SiteChanged.CHANNEL.equals(notification.getName())) {
                domains.forget(notification.getParameter());
              }
              current.forget(notification.getParameter());
              lastHeard = notification.getParameter();
            }
          }
        }
      } catch (SQLException e) {
        forgetAll();
        if (!failing) {
          LOG.warnf(
              "Lost the database connection that listens for publications: %s", e.getMessage());
          failing = true;
        }
        pause();
      }
    }
  }

  /**
   * The site key of the last notification acted on. Notifications arrive in commit order, so once a
   * given one is heard, every one committed before it has been acted on too.
   */
  public String lastHeard() {
    return lastHeard;
  }

  private void forgetAll() {
    current.forgetAll();
    domains.forgetAll();
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
