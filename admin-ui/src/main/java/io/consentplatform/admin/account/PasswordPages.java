package io.consentplatform.admin.account;

import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.PublicAddress;
import io.consentplatform.admin.Times;
import io.consentplatform.admin.i18n.AccountMessages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.tenant.IssuedLink;
import io.consentplatform.core.tenant.LinkMail;
import io.consentplatform.core.tenant.OneTimeLinks;
import io.consentplatform.core.tenant.OpenLink;
import io.consentplatform.core.tenant.PasswordRules;
import io.consentplatform.core.tenant.UnusableLink;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
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
        String token, OpenLink link, String expires, String error, int minLength, Chrome chrome);

    static native TemplateInstance unusable(Chrome chrome);

    static native TemplateInstance reset(boolean available, boolean asked, Chrome chrome);
  }

  private final OneTimeLinks links;
  private final LinkMail mail;
  private final PublicAddress address;

  public PasswordPages(OneTimeLinks links, LinkMail mail, PublicAddress address) {
    this.links = links;
    this.mail = mail;
    this.address = address;
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

  private static TemplateInstance page(String token, OpenLink link, String error) {
    return Templates.link(
        token, link, Times.local(link.expiresAt()), error, PasswordRules.MIN_LENGTH, null);
  }

  private static Response unusable() {
    return Response.status(Status.GONE).entity(Templates.unusable(null)).build();
  }
}
