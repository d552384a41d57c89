package io.consentplatform.admin.account;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.SignInThrottle;
import io.consentplatform.admin.i18n.AccountMessages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.net.TrustedProxies;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.PasswordRules;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A signed-in person changes the password of their local account. Typing the current one is
 * required, and wrong guesses count against the same throttle as the sign-in form's, so that a
 * session left open on someone else's screen does not give the account away.
 */
@Path("/admin/account/password")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class AccountPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance password(
        boolean local, Map<String, String> errors, int minLength, Chrome chrome);
  }

  private final AdminCaller admin;
  private final LocalAccounts accounts;
  private final SignInThrottle throttle;
  private final TrustedProxies proxies;

  public AccountPage(
      AdminCaller admin, LocalAccounts accounts, SignInThrottle throttle, TrustedProxies proxies) {
    this.admin = admin;
    this.accounts = accounts;
    this.throttle = throttle;
    this.proxies = proxies;
  }

  @GET
  public TemplateInstance form() {
    Caller caller = admin.get();
    return page(caller, Map.of());
  }

  /**
   * Changes the password, which ends every session of the account, this one included: the person
   * signs in again with the new password (see the README's "Passwords").
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response change(
      @RestForm String current,
      @RestForm String password,
      @RestForm String confirmation,
      HttpServerRequest request) {
    Caller caller = admin.get();
    Optional<String> account = admin.localAccount();
    if (account.isEmpty()) {
      return Response.status(Status.CONFLICT).entity(page(caller, Map.of())).build();
    }
    String email = account.get();
    AccountMessages texts = AdminLanguage.current().accountMessages();
    String address = address(request);
    Optional<Duration> wait = throttle.wait(email, address, Instant.now());
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      return Response.status(Status.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, seconds)
          .entity(page(caller, Map.of("current", texts.signInThrottled(seconds))))
          .build();
    }
    Map<String, String> errors = new HashMap<>();
    PasswordRules.check(email, password)
        .ifPresent(fault -> errors.put("password", PasswordPages.faultText(fault)));
    if (errors.isEmpty() && !password.equals(confirmation)) {
      errors.put("confirmation", texts.passwordsDiffer());
    }
    if (!errors.isEmpty()) {
      return Pages.invalid(page(caller, errors));
    }
    boolean changed;
    try {
      changed = accounts.changePassword(email, current, password);
    } catch (Rejected e) {
      return Pages.invalid(page(caller, Map.of("password", texts.passwordTOO_LONG())));
    }
    if (!changed) {
      throttle.failed(email, address, Instant.now());
      return Pages.invalid(page(caller, Map.of("current", texts.currentPasswordWrong())));
    }
    throttle.succeeded(email);
    return Response.seeOther(URI.create("/admin/login?done=password-changed"))
        .cookie(new NewCookie.Builder("cp_admin").path("/").maxAge(0).value("").build())
        .build();
  }

  private TemplateInstance page(Caller caller, Map<String, String> errors) {
    return Templates.password(
        admin.localAccount().isPresent(),
        errors,
        PasswordRules.MIN_LENGTH,
        Chrome.of(caller, admin, null));
  }

  private String address(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return proxies.client(peer, request.getHeader("X-Forwarded-For"));
  }
}
