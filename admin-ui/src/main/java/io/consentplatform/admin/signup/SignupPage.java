package io.consentplatform.admin.signup;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlError;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.PublicAddress;
import io.consentplatform.admin.SignInToken;
import io.consentplatform.admin.Times;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.net.TrustedProxies;
import io.consentplatform.core.signup.OpenSignup;
import io.consentplatform.core.signup.SignupLink;
import io.consentplatform.core.signup.Signups;
import io.consentplatform.core.tenant.LinkMail;
import io.consentplatform.core.tenant.PasswordRules;
import io.consentplatform.core.tenant.TenantView;
import io.consentplatform.core.tenant.UnusableLink;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Self-service sign-up, when switched on ({@code consent.signup.enabled}): the form that mails a
 * confirmation link, and the link's page that creates the tenant and signs its new owner in. None
 * of them says whether an address has an account, except to whoever holds the mailed link.
 */
@Path("/admin/signup")
@Produces(MediaType.TEXT_HTML)
public class SignupPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(
        String email, String organisation, Map<String, String> errors, Chrome chrome);

    static native TemplateInstance sent(Chrome chrome);

    static native TemplateInstance throttled(long minutes, Chrome chrome);

    static native TemplateInstance confirm(
        String token,
        OpenSignup signup,
        String expires,
        String error,
        int minLength,
        String signInToken,
        Chrome chrome);

    static native TemplateInstance unusable(Chrome chrome);
  }

  /**
   * The form sign-in's address: a confirmed sign-up's post is sent on there (307 keeps the method
   * and the body), which signs the person in the way the sign-in form does.
   */
  static final URI SIGN_IN_POST = URI.create("/j_security_check");

  private final Signups signups;
  private final LinkMail mail;
  private final PublicAddress address;
  private final SignupThrottle throttle;
  private final TrustedProxies proxies;
  private final SignInToken signInTokens;

  public SignupPage(
      Signups signups,
      LinkMail mail,
      PublicAddress address,
      SignupThrottle throttle,
      TrustedProxies proxies,
      SignInToken signInTokens) {
    this.signups = signups;
    this.mail = mail;
    this.address = address;
    this.throttle = throttle;
    this.proxies = proxies;
    this.signInTokens = signInTokens;
  }

  @GET
  public TemplateInstance form() {
    requireEnabled();
    return Templates.form("", "", Map.of(), null);
  }

  /**
   * Mails a confirmation link and answers "check your inbox", whether or not the address has an
   * account and whether or not its own limit let a mail go: the answer tells nobody either.
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response request(
      @RestForm String email,
      @RestForm String organisation,
      @Context HttpServerRequest request,
      @Context UriInfo uri) {
    requireEnabled();
    Optional<Duration> wait = throttle.request(client(request), Instant.now());
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      return Response.status(Status.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Math.max(1, wait.get().toSeconds()))
          .entity(Templates.throttled(minutes, null))
          .build();
    }
    Optional<SignupLink> link;
    try {
      link = signups.request(email, organisation, AdminLanguage.current().code());
    } catch (Rejected e) {
      return Pages.invalid(
          Templates.form(
              email == null ? "" : email,
              organisation == null ? "" : organisation,
              errors(e),
              null));
    }
    link.ifPresent(l -> mail.sendSignup(l, l.url(address.base(uri))));
    return Pages.done("/admin/signup/sent", "signup");
  }

  @GET
  @Path("/sent")
  public TemplateInstance sent() {
    requireEnabled();
    return Templates.sent(null);
  }

  /** The confirmation link's page: the organisation, and the password that confirms it. */
  @GET
  @Path("/confirm/{token}")
  public Response open(@RestPath String token, HttpServerResponse response) {
    requireEnabled();
    try {
      return Response.ok(page(token, signups.open(token), null, response)).build();
    } catch (UnusableLink e) {
      return unusable();
    }
  }

  /**
   * Confirms: the account (or its password checked), the tenant and its owner in one transaction;
   * then the same post goes on to the sign-in form's address, which signs the person in with the
   * password they just typed and lands them in their new tenant.
   */
  @POST
  @Path("/confirm/{token}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response confirm(
      @RestPath String token,
      @RestForm("j_password") String password,
      @RestForm String confirmation,
      HttpServerResponse response) {
    requireEnabled();
    OpenSignup signup;
    try {
      signup = signups.open(token);
    } catch (UnusableLink e) {
      return unusable();
    }
    if (!signup.hasAccount()) {
      Optional<String> error =
          PasswordRules.check(signup.email(), password).map(SignupPage::faultText);
      if (error.isEmpty() && (password == null || !password.equals(confirmation))) {
        error = Optional.of(AdminLanguage.current().accountMessages().passwordsDiffer());
      }
      if (error.isPresent()) {
        return Pages.invalid(page(token, signup, error.get(), response));
      }
    }
    TenantView tenant;
    try {
      tenant = signups.confirm(token, password);
    } catch (UnusableLink e) {
      return unusable(); // confirmed by a second tab in the meantime
    } catch (Rejected e) {
      return Pages.invalid(page(token, signup, texts().wrongPassword(), response));
    }
    return Response.temporaryRedirect(SIGN_IN_POST)
        .cookie(
            new NewCookie.Builder(AdminCaller.TENANT_COOKIE)
                .path("/admin")
                .value(tenant.slug())
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build())
        .build();
  }

  private TemplateInstance page(
      String token, OpenSignup signup, String error, HttpServerResponse response) {
    String signInToken = signInTokens.issue();
    response.addCookie(signInTokens.cookie(signInToken));
    return Templates.confirm(
        token,
        signup,
        Times.local(signup.expiresAt()),
        error,
        PasswordRules.MIN_LENGTH,
        signInToken,
        null);
  }

  private void requireEnabled() {
    if (!signups.enabled()) {
      throw new HtmlError(
          Status.NOT_FOUND,
          AdminLanguage.current().messages().errorNotAvailable(),
          texts().unavailable());
    }
  }

  private String client(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return proxies.client(peer, request.getHeader("X-Forwarded-For"));
  }

  private static Map<String, String> errors(Rejected e) {
    Map<String, String> errors = new LinkedHashMap<>();
    String field = e.field() == null ? "email" : e.field();
    errors.put(
        field,
        "organisation".equals(field) ? texts().organisationInvalid() : texts().emailInvalid());
    return errors;
  }

  private static String faultText(PasswordRules.Fault fault) {
    var texts = AdminLanguage.current().accountMessages();
    return switch (fault) {
      case TOO_SHORT -> texts.passwordTOO_SHORT(PasswordRules.MIN_LENGTH);
      case TOO_LONG -> texts.passwordTOO_LONG();
      case SAME_AS_EMAIL -> texts.passwordSAME_AS_EMAIL();
    };
  }

  private static SignupMessages texts() {
    return MessageBundles.get(
        SignupMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }

  private static Response unusable() {
    return Response.status(Status.GONE).entity(Templates.unusable(null)).build();
  }
}
