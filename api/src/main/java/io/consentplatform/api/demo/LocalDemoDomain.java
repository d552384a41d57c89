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

  void onHttpServerStart(@ObservesAsync HttpServerStart start) {
    declare();
  }

  private synchronized void declare() {
    if (!enabled || !databaseReady) {
      return;
    }
    address
        .port()
        .filter(port -> port != declaredPort)
        .ifPresent(
            port -> {
              site.serveAt(port);
              declaredPort = port;
            });
  }
}
