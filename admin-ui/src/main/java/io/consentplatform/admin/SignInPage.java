package io.consentplatform.admin;

import io.consentplatform.admin.i18n.AccountMessages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Membership;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** Signing in and out, and choosing a tenant. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(
        String error,
        boolean signedOut,
        String notice,
        String email,
        boolean sso,
        String signInToken,
        Chrome chrome);

    static native TemplateInstance noTenant(String who, Chrome chrome);

    static native TemplateInstance tenants(List<TenantChoice> memberships, Chrome chrome);
  }

  /** One of the tenants a person may work in. */
  public record TenantChoice(String slug, String name, String role) {}

  /** The OIDC extension's session cookie of the "admin" tenant. */
  static final String OIDC_SESSION = "q_session_admin";

  /** Where the OIDC extension ends the session at the provider (quarkus.oidc.admin.logout.path). */
  static final String SSO_LOGOUT = "/admin/sso/logout";

  /** A wait longer than a day is not one this platform asks for: the parameter is clamped. */
  private static final long MAX_WAIT_SECONDS = 86_400;

  private final AdminCaller caller;
  private final SignInToken tokens;
  private final SecurityIdentity identity;
  private final LocalAccounts accounts;
  private final boolean sso;

  public SignInPage(
      AdminCaller caller,
      SignInToken tokens,
      SecurityIdentity identity,
      LocalAccounts accounts,
      @ConfigProperty(name = "quarkus.oidc.admin.tenant-enabled", defaultValue = "false")
          boolean sso) {
    this.caller = caller;
    this.tokens = tokens;
    this.identity = identity;
    this.accounts = accounts;
    this.sso = sso;
  }

  /**
   * The sign-in form, with a fresh CSRF token (its signature goes in a cookie sent only with the
   * post). After too many failed attempts it says how long to wait, as a 429 with Retry-After.
   */
  @GET
  @Path("/login")
  public Response login(
      @RestQuery boolean failed,
      @RestQuery("signed-out") boolean signedOut,
      @RestQuery boolean expired,
      @RestQuery("retry-after") Long retryAfter,
      @RestQuery String done,
      HttpServerResponse response) {
    AccountMessages texts = AdminLanguage.current().accountMessages();
    long wait = retryAfter == null ? 0 : Math.max(1, Math.min(retryAfter, MAX_WAIT_SECONDS));
    String notice =
        "password-set".equals(done)
            ? texts.noticePasswordSet()
            : "password-changed".equals(done) ? texts.noticePasswordChanged() : null;
    String error =
        wait > 0
            ? texts.signInThrottled(wait)
            : expired
                ? texts.signInExpired()
                : failed ? AdminLanguage.current().messages().signInFailed() : null;
    String token = tokens.issue();
    response.addCookie(tokens.cookie(token));
    TemplateInstance page = Templates.login(error, signedOut, notice, null, sso, token, null);
    if (wait > 0) {
      return Response.status(Response.Status.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, wait)
          .entity(page)
          .build();
    }
    return Response.ok(page).build();
  }

  /**
   * Signing in through the organisation's identity provider: the code flow runs before this method
   * (an HTTP permission binds this path to it), which then only opens the back office.
   */
  @GET
  @Path("/sso")
  public Response signedInThroughTheIdentityProvider() {
    if (!sso) {
      throw new HtmlError(
          Response.Status.NOT_FOUND,
          AdminLanguage.current().messages().errorNotAvailable(),
          AdminLanguage.current().messages().errorSsoNotConfigured());
    }
    return Response.seeOther(URI.create("/admin/sites")).build();
  }

  /**
   * Ends the session, by POST with the form's CSRF token (a GET could be triggered by any page the
   * person visits). A local account's sessions all end at the server, so that a copy of the cookie
   * stops working too; the cookie is dropped. A session opened through the identity provider is
   * ended there too (RP-initiated logout), or the provider would sign the person straight back in.
   */
  @POST
  @Path("/logout")
  public Response logout(@Context HttpHeaders headers) {
    if (!identity.isAnonymous() && identity.getPrincipal() instanceof LocalSession session) {
      accounts.endSessions(session.email());
    }
    boolean atProvider = sso && !oidcSessionCookies(headers).isEmpty();
    return Response.seeOther(URI.create(atProvider ? SSO_LOGOUT : "/admin/login?signed-out=true"))
        .cookie(new NewCookie.Builder("cp_admin").path("/").maxAge(0).value("").build())
        .cookie(
            new NewCookie.Builder(AdminCaller.TENANT_COOKIE)
                .path("/admin")
                .maxAge(0)
                .value("")
                .build())
        .build();
  }

  /**
   * Reached only when the identity provider's session had already ended: the OIDC extension handles
   * this path itself while the session lives.
   */
  @GET
  @Path("/sso/logout")
  public Response signedOutAtTheIdentityProvider(@Context HttpHeaders headers) {
    Response.ResponseBuilder answer = Response.seeOther(URI.create("/admin/login?signed-out=true"));
    for (String name : oidcSessionCookies(headers)) {
      answer.cookie(new NewCookie.Builder(name).path("/").maxAge(0).value("").build());
    }
    return answer.build();
  }

  /** The OIDC session cookie, or its chunks when the tokens make it too large for one cookie. */
  private static List<String> oidcSessionCookies(HttpHeaders headers) {
    return headers.getCookies().keySet().stream()
        .filter(name -> name.equals(OIDC_SESSION) || name.startsWith(OIDC_SESSION + "_chunk_"))
        .toList();
  }

  @GET
  public Response home() {
    List<Membership> memberships = caller.memberships();
    if (memberships.isEmpty() && caller.isOperator()) {
      // An operator who belongs to no tenant has the console to work in.
      return Response.seeOther(URI.create("/admin/platform")).build();
    }
    if (memberships.isEmpty()) {
      return Response.status(Response.Status.FORBIDDEN)
          .entity(Templates.noTenant(caller.subject(), null))
          .build();
    }
    return Response.seeOther(URI.create("/admin/sites")).build();
  }

  @GET
  @Path("/tenants")
  public TemplateInstance tenants() {
    return Templates.tenants(
        caller.memberships().stream()
            .map(m -> new TenantChoice(m.tenantSlug(), m.tenantName(), m.role().name()))
            .toList(),
        null);
  }

  /** Works in another of one's tenants; membership is checked on every request anyway. */
  @POST
  @Path("/tenants")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response chooseTenant(@RestForm String tenant) {
    boolean member = caller.memberships().stream().anyMatch(m -> m.tenantSlug().equals(tenant));
    if (!member) {
      return Response.status(Response.Status.NOT_FOUND)
          .entity(Templates.noTenant(caller.subject(), null))
          .build();
    }
    return Response.seeOther(URI.create("/admin/sites?done=tenant"))
        .cookie(
            new NewCookie.Builder(AdminCaller.TENANT_COOKIE)
                .path("/admin")
                .value(tenant)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build())
        .build();
  }
}
