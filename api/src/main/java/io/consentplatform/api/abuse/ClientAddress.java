package io.consentplatform.api.abuse;

import io.consentplatform.core.net.TrustedProxies;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** The address of the client behind a request, as the trusted proxies tell it (TrustedProxies). */
@ApplicationScoped
public class ClientAddress {

  private final TrustedProxies proxies;

  public ClientAddress(TrustedProxies proxies) {
    this.proxies = proxies;
  }

  public String of(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return proxies.client(peer, request.getHeader("X-Forwarded-For"));
  }
}
