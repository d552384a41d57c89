package io.consentplatform.api.demo;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.demo.DemoSite;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Where the demo pages and the platform itself are reached from this machine: the demo pages at
 * {@code http://townofcary.localhost:<port>/demo/townofcary/}, the platform (the banner the pages
 * embed) at {@code consent.public-base-url} or else {@code http://localhost:<port>}. The port is
 * the one this start listens on, which differs between runs and in tests.
 */
@ApplicationScoped
public class DemoAddress {

  private final HttpServer server;
  private final Optional<String> publicBase;

  public DemoAddress(HttpServer server, CoreConfig config) {
    this.server = server;
    this.publicBase =
        config
            .publicBaseUrl()
            .map(String::strip)
            .filter(base -> !base.isEmpty())
            .map(base -> base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  /** The HTTP port this start listens on; empty until the server has started. */
  public Optional<Integer> port() {
    int port = server.getPort();
    return port > 0 ? Optional.of(port) : Optional.empty();
  }

  /** {@code townofcary.localhost:<port>}, the demo pages' domain. */
  public String demoDomain() {
    return DemoSite.localDomain(requiredPort());
  }

  /** {@code localhost:<port>}, the platform's own address on this machine. */
  public String platformDomain() {
    return "localhost:" + requiredPort();
  }

  /** The address of the demo's home page. */
  public String demoHome() {
    return "http://" + demoDomain() + DemoSite.PATH;
  }

  /** The base address of the platform that the demo pages load the banner from. */
  public String platformBase() {
    return publicBase.orElseGet(() -> "http://" + platformDomain());
  }

  private int requiredPort() {
    return port().orElseThrow(() -> new IllegalStateException("The HTTP server has not started"));
  }
}
