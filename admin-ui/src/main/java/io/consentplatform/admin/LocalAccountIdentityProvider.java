package io.consentplatform.admin;

import io.consentplatform.core.net.TrustedProxies;
import io.consentplatform.core.tenant.LocalAccounts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the back office's local accounts (e-mail and bcrypt password), after the sign-in form's
 * CSRF token and the {@link SignInThrottle}: a refused attempt costs no hash. The identity carries
 * no role: what a person may do comes from their tenant memberships, as for identity-provider
 * users.
 */
@ApplicationScoped
public class LocalAccountIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  private final LocalAccounts accounts;
  private final SignInThrottle throttle;
  private final SignInToken tokens;
  private final TrustedProxies proxies;

  public LocalAccountIdentityProvider(
      LocalAccounts accounts, SignInThrottle throttle, SignInToken tokens, TrustedProxies proxies) {
    this.accounts = accounts;
    this.throttle = throttle;
    this.tokens = tokens;
    this.proxies = proxies;
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
    if (http == null) {
      return Uni.createFrom().failure(refused("Not the sign-in form"));
    }
    String email = request.getUsername();
    if (!tokens.sentWith(http.request())) {
      answer(http, "/admin/login?expired=true");
      return Uni.createFrom().failure(refused("The sign-in form's token is missing or wrong"));
    }
    String address = address(http.request());
    Optional<Duration> wait = throttle.wait(email, address, Instant.now());
    if (wait.isPresent()) {
      // Rounded up: a client that waits exactly this long is let through.
      long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
      answer(http, "/admin/login?retry-after=" + seconds);
      return Uni.createFrom().failure(refused("Too many failed sign-ins"));
    }
    return context.runBlocking(
        () -> {
          String password = new String(request.getPassword().getPassword());
          if (!accounts.verify(email, password)) {
            throttle.failed(email, address, Instant.now());
            throw refused("Wrong e-mail or password");
          }
          throttle.succeeded(email);
          int version = accounts.sessionVersion(email).orElseThrow();
          return QuarkusSecurityIdentity.builder()
              .setPrincipal(
                  new LocalSession(email, version, Instant.now().truncatedTo(ChronoUnit.SECONDS)))
              .build();
        });
  }

  /** Marked, so that the answer is the form again rather than the API's problem document. */
  private static AuthenticationFailedException refused(String why) {
    return new AuthenticationFailedException(why, Map.of(LocalAccounts.SIGN_IN_FORM, true));
  }

  /**
   * Sends the refused post to {@code page} instead of the form's usual error page, which says only
   * that the password was wrong: whichever layer writes the redirect, its target is replaced just
   * before the headers leave.
   */
  private static void answer(RoutingContext http, String page) {
    http.addHeadersEndHandler(
        ignored -> {
          int status = http.response().getStatusCode();
          if (status == 302 || status == 303) {
            http.response().putHeader(HttpHeaders.LOCATION, page);
          }
        });
  }

  private String address(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return proxies.client(peer, request.getHeader("X-Forwarded-For"));
  }
}
