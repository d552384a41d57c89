package io.consentplatform.admin.platform;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.access.Actor;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.platform.LastOperator;
import io.consentplatform.core.platform.OperatorView;
import io.consentplatform.core.platform.PlatformOperators;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The console's list of operators: who is on it, adding a local account or an identity provider's
 * person, and taking someone off. The rules and the audit are {@link PlatformOperators}', the same
 * as the platform API's.
 */
@Path("/admin/platform/operators")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class OperatorsPage {

  /** What the add forms were given, to show again beside their error. */
  public record OperatorForm(String email, String issuer, String subject, String idpEmail) {
    static final OperatorForm EMPTY = new OperatorForm("", "", "", "");
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance operators(
        List<OperatorView> operators,
        OperatorForm form,
        String localError,
        String idpError,
        String error,
        Chrome chrome);
  }

  private final PlatformOperators operators;
  private final AdminCaller admin;

  public OperatorsPage(PlatformOperators operators, AdminCaller admin) {
    this.operators = operators;
    this.admin = admin;
  }

  @GET
  public TemplateInstance list(@RestQuery String done) {
    admin.operator();
    String notice =
        done == null
            ? null
            : switch (done) {
              case "added" -> texts().doneAdded();
              case "removed" -> texts().doneRemoved();
              default -> null;
            };
    return page(OperatorForm.EMPTY, null, null, null, notice);
  }

  @POST
  @Path("/local")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addLocal(@RestForm String email) {
    Actor operator = admin.operator();
    try {
      operators.addLocal(operator, email);
    } catch (Rejected e) {
      OperatorForm form = new OperatorForm(email, "", "", "");
      return Pages.invalid(page(form, texts().invalidEmail(), null, null, null));
    }
    return Pages.done("/admin/platform/operators", "added");
  }

  @POST
  @Path("/identity-provider")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addFromIdentityProvider(
      @RestForm String issuer, @RestForm String subject, @RestForm String email) {
    Actor operator = admin.operator();
    try {
      operators.addFromIdentityProvider(operator, issuer, subject, email);
    } catch (Rejected e) {
      OperatorForm form = new OperatorForm("", issuer, subject, email);
      String error =
          "issuer".equals(e.field()) ? texts().invalidIssuer() : texts().invalidSubject();
      return Pages.invalid(page(form, null, error, null, null));
    }
    return Pages.done("/admin/platform/operators", "added");
  }

  /** The subject travels in the form, not the path: it holds an issuer's URL and a "#". */
  @POST
  @Path("/remove")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response remove(@RestForm String subject) {
    Actor operator = admin.operator();
    try {
      operators.remove(operator, subject);
    } catch (LastOperator e) {
      return Response.status(Response.Status.CONFLICT)
          .entity(page(OperatorForm.EMPTY, null, null, texts().lastOperator(), null))
          .build();
    }
    return Pages.done("/admin/platform/operators", "removed");
  }

  private TemplateInstance page(
      OperatorForm form, String localError, String idpError, String error, String notice) {
    return Templates.operators(
        operators.all(), form, localError, idpError, error, Chrome.ofOperator(admin, notice));
  }

  static ConsoleMessages texts() {
    return MessageBundles.get(
        ConsoleMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }
}
