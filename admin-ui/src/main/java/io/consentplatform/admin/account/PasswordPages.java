package io.consentplatform.admin.account;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlError;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.PublicAddress;
import io.consentplatform.admin.Times;
import io.consentplatform.admin.i18n.AccountMessages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.signup.SignupMessages;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.tenant.IssuedLink;
import io.consentplatform.core.tenant.LinkMail;
import io.consentplatform.core.tenant.LinkPurpose;
import io.consentplatform.core.tenant.OneTimeLinks;
import io.consentplatform.core.tenant.OpenLink;
import io.consentplatform.core.tenant.PasswordRules;
import io.consentplatform.core.tenant.UnusableLink;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The pages a person reaches before signing in to choose a password: the one-time link of an
 * invitation or a reset, and asking for a reset. None of them says whether an address has an
 * account.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class PasswordPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance link(
        String token,
        OpenLink link,
        String expires,
        String error,
        int minLength,
        boolean sso,
        Chrome chrome);

    static native TemplateInstance unusable(Chrome chrome);

    static native TemplateInstance reset(boolean available, boolean asked, Chrome chrome);
  }

  /** The cookie that carries an invitation's secret through the identity provider's sign-in. */
  static final String INVITATION_COOKIE = "cp_invitation";

  /** Where the identity provider's sign-in lands to take up an invitation (an SSO path). */
  static final String SSO_INVITATION = "/admin/sso/invitation";

  private final OneTimeLinks links;
  private final LinkMail mail;
  private final PublicAddress address;
  private final AdminCaller caller;
  private final boolean sso;

  public PasswordPages(
      OneTimeLinks links,
      LinkMail mail,
      PublicAddress address,
      AdminCaller caller,
      @ConfigProperty(name = "quarkus.oidc.admin.tenant-enabled", defaultValue = "false")
          boolean sso) {
    this.links = links;
    this.mail = mail;
    this.address = address;
    this.caller = caller;
    this.sso = sso;
  }

  /**
   * The link's page: what it is for, and the form that sets the password. Opening it uses nothing.
   */
  @GET
  @Path("/link/{token}")
  public Response open(@RestPath String token) {
    try {
      return Response.ok(page(token, links.open(token), null)).build();
    } catch (UnusableLink e) {
      return unusable();
    }
  }

  /** Sets the password and sends the person to sign in with it; the link is then used. */
  @POST
  @Path("/link/{token}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response setPassword(
      @RestPath String token, @RestForm String password, @RestForm String confirmation) {
    OpenLink link;
    try {
      link = links.open(token);
    } catch (UnusableLink e) {
      return unusable();
    }
    AccountMessages texts = AdminLanguage.current().accountMessages();
    Optional<String> error =
        PasswordRules.check(link.email(), password).map(PasswordPages::faultText);
    if (error.isEmpty() && !password.equals(confirmation)) {
      error = Optional.of(texts.passwordsDiffer());
    }
    if (error.isPresent()) {
      return Pages.invalid(page(token, link, error.get()));
    }
    try {
      links.setPassword(token, password);
    } catch (UnusableLink e) {
      return unusable(); // used by a second tab in the meantime
    }
    return Response.seeOther(URI.create("/admin/login?done=password-set")).build();
  }

  /**
   * Takes up an invitation by signing in through the identity provider instead of choosing a
   * password: the link's secret waits in a short-lived cookie while the provider's code flow runs.
   */
  @POST
  @Path("/link/{token}/sso")
  public Response signInInstead(@RestPath String token) {
    requireSso();
    OpenLink link;
    try {
      link = links.open(token);
    } catch (UnusableLink e) {
      return unusable();
    }
    if (link.purpose() != LinkPurpose.INVITATION) {
      return unusable();
    }
    return Response.seeOther(URI.create(SSO_INVITATION))
        .cookie(
            new NewCookie.Builder(INVITATION_COOKIE)
                .path(SSO_INVITATION)
                .value(token)
                .maxAge(600)
                .httpOnly(true)
                // Lax: the cookie must come back with the provider's redirect, a cross-site GET.
                .sameSite(NewCookie.SameSite.LAX)
                .build())
        .build();
  }

  /**
   * Back from the identity provider (the code flow runs before this method): the invited membership
   * becomes that sign-in's, and the person works in the inviting tenant.
   */
  @GET
  @Path("/sso/invitation")
  public Response signedInInstead(@CookieParam(INVITATION_COOKIE) String token) {
    requireSso();
    String tenant;
    try {
      tenant = links.linkIdentity(token, caller.subject(), caller.actor());
    } catch (UnusableLink e) {
      return unusable();
    } catch (Conflict e) {
      throw new HtmlError(
          Status.CONFLICT,
          AdminLanguage.current().messages().errorNotAvailable(),
          texts().invitationAlreadyMember());
    }
    return Response.seeOther(URI.create("/admin/sites"))
        .cookie(
            new NewCookie.Builder(INVITATION_COOKIE)
                .path(SSO_INVITATION)
                .maxAge(0)
                .value("")
                .build())
        .cookie(
            new NewCookie.Builder(AdminCaller.TENANT_COOKIE)
                .path("/admin")
                .value(tenant)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build())
        .build();
  }

  private void requireSso() {
    if (!sso) {
      throw new HtmlError(
          Status.NOT_FOUND,
          AdminLanguage.current().messages().errorNotAvailable(),
          AdminLanguage.current().messages().errorSsoNotConfigured());
    }
  }

  private static SignupMessages texts() {
    return MessageBundles.get(
        SignupMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }

  /** Asking for a reset link, when the platform can mail one. */
  @GET
  @Path("/password-reset")
  public TemplateInstance askForReset() {
    return Templates.reset(mail.enabled(), false, null);
  }

  /**
   * Mails a reset link when the address has an account; the answer is the same either way, so that
   * nobody learns which addresses have one.
   */
  @POST
  @Path("/password-reset")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public TemplateInstance reset(@RestForm String email, @Context UriInfo uri) {
    if (!mail.enabled()) {
      return Templates.reset(false, false, null);
    }
    Optional<IssuedLink> link = links.passwordReset(email);
    link.ifPresent(
        l -> mail.send(l, l.url(address.base(uri)), null, AdminLanguage.current().code()));
    return Templates.reset(true, true, null);
  }

  /** What a broken password rule says, in the person's language. */
  static String faultText(PasswordRules.Fault fault) {
    AccountMessages texts = AdminLanguage.current().accountMessages();
    return switch (fault) {
      case TOO_SHORT -> texts.passwordTOO_SHORT(PasswordRules.MIN_LENGTH);
      case TOO_LONG -> texts.passwordTOO_LONG();
      case SAME_AS_EMAIL -> texts.passwordSAME_AS_EMAIL();
    };
  }

  private TemplateInstance page(String token, OpenLink link, String error) {
    return Templates.link(
        token, link, Times.local(link.expiresAt()), error, PasswordRules.MIN_LENGTH, sso, null);
  }

  private static Response unusable() {
    return Response.status(Status.GONE).entity(Templates.unusable(null)).build();
  }
}
