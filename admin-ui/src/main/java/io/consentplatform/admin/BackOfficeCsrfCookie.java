package io.consentplatform.admin;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the back office's CSRF cookie in the back office. quarkus-rest-csrf gives a token cookie to
 * every REST answer to a GET that arrives without one, and can limit that only to a list of exact
 * paths ({@code quarkus.rest-csrf.create-token-path}), which cannot name the back office's pages
 * (they hold ids). Visitors' browsers would then hold it from the banner script and the policy page
 * before deciding anything, which a consent platform must not do; so every answer outside {@code
 * /admin} leaves without it.
 */
@ApplicationScoped
public class BackOfficeCsrfCookie {

  // Ahead of everything, so that the hook is in place whichever route or resource answers.
  private static final int ORDER = -2_000;

  private final String cookieName;

  public BackOfficeCsrfCookie(
      @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String cookieName) {
    this.cookieName = cookieName;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::guard);
  }

  private void guard(RoutingContext context) {
    String path = context.normalizedPath();
    if (!path.equals("/admin") && !path.startsWith("/admin/")) {
      // Runs before the cookies are written: the token cookie made for this answer is dropped.
      context.addHeadersEndHandler(ignored -> context.response().removeCookies(cookieName, false));
    }
    context.next();
  }
}
