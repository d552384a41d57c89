package io.consentplatform.api.demo;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.db.DatabaseReady;
import io.consentplatform.core.demo.DemoSite;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/**
 * On each start, makes the demo site declare the demo pages at this start's port: that needs both
 * the port (known once the HTTP server listens) and the database (with the demo tenant seeded),
 * which come in either order, so whichever comes last does it.
 */
@ApplicationScoped
class LocalDemoDomain {

  private final DemoSite site;
  private final DemoAddress address;
  private final boolean enabled;
  private boolean databaseReady;
  private int declaredPort;
  private int startedPort;

  LocalDemoDomain(DemoSite site, DemoAddress address, CoreConfig config) {
    this.site = site;
    this.address = address;
    this.enabled = config.demo().enabled();
  }

  // After DemoTenant's own observer (default priority), which creates the site on a first start.
  void onDatabaseReady(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 1000) DatabaseReady ready) {
    synchronized (this) {
      databaseReady = true;
    }
    declare();
  }

  // The event names the port it listens on; the server's own getter may not know it yet when the
  // event arrives (a slow start left the demo undeclared once in CI), so the event's is kept.
  void onHttpServerStart(@ObservesAsync HttpServerStart start) {
    synchronized (this) {
      startedPort = start.options().getPort();
    }
    declare();
  }

  private synchronized void declare() {
    if (!enabled || !databaseReady) {
      return;
    }
    address
        .port()
        .or(() -> startedPort > 0 ? Optional.of(startedPort) : Optional.empty())
        .filter(port -> port != declaredPort)
        .ifPresent(
            port -> {
              site.serveAt(port);
              declaredPort = port;
            });
  }
}
