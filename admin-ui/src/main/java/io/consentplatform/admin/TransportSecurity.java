package io.consentplatform.admin;

import io.consentplatform.core.net.TrustedProxies;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * When the browser spoke HTTPS (the connection itself, or a trusted proxy that terminated TLS, per
 * {@link TrustedProxies#secure}), every cookie of the answer gets {@code Secure} and the answer
 * carries HSTS. Behind a TLS-terminating proxy the platform itself sees plain HTTP: without this,
 * the session cookie would also travel over a later plain-HTTP request to the same host.
 */
@ApplicationScoped
public class TransportSecurity {

  /** One year, the usual value for a host that serves nothing over plain HTTP. */
  static final String HSTS = "max-age=31536000";

  // Ahead of every route and resource (the CSRF cookie guard is at -2,000), so that the hook is in
  // place whoever answers: the form sign-in, a page, the REST layer or a static file.
  private static final int ORDER = -2_100;

  private final TrustedProxies proxies;

  public TransportSecurity(TrustedProxies proxies) {
    this.proxies = proxies;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::guard);
  }

  private void guard(RoutingContext context) {
    HttpServerRequest request = context.request();
    String forwardedProto = request.getHeader("X-Forwarded-Proto");
    // The peer only matters when a proxy may have terminated TLS: Vert.x works out the remote
    // address anew (its forwarded-header parser) each time it is asked, for every banner too.
    String peer =
        forwardedProto == null || request.remoteAddress() == null
            ? null
            : request.remoteAddress().hostAddress();
    if (proxies.secure(peer, request.isSSL(), forwardedProto)) {
      context.addHeadersEndHandler(ignored -> secure(request, context.response()));
    }
    context.next();
  }

  /** Runs before Vert.x writes its own cookies: those and the ones set as headers are marked. */
  private static void secure(HttpServerRequest request, HttpServerResponse response) {
    response.putHeader("Strict-Transport-Security", HSTS);
    for (Cookie cookie : request.cookies()) {
      // The jar holds the request's cookies too: only those this answer sets are written.
      if (cookie instanceof ServerCookie set && set.isChanged()) {
        set.setSecure(true);
      }
    }
    List<String> headers = response.headers().getAll("Set-Cookie");
    if (!headers.isEmpty()) {
      response.headers().remove("Set-Cookie");
      for (String header : headers) {
        response.headers().add("Set-Cookie", secured(header));
      }
    }
  }

  static String secured(String setCookie) {
    for (String attribute : setCookie.split(";")) {
      if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
        return setCookie;
      }
    }
    return setCookie + "; Secure";
  }
}
