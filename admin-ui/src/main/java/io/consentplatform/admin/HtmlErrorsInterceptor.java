package io.consentplatform.admin;

import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.AdminMessages;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.DomainException;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.error.NotFound;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the domain's refusals on back-office pages into an HTML page with the right status: 404 for
 * another tenant's ids as for missing ones, 403 for a role that may not, 409 for a conflict.
 */
@HtmlErrors
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class HtmlErrorsInterceptor {

  @CheckedTemplate(basePath = "Admin")
  static class Templates {
    static native TemplateInstance error(int status, String title, String detail, Chrome chrome);
  }

  @AroundInvoke
  Object render(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (NotFound e) {
      AdminMessages texts = AdminLanguage.current().messages();
      throw new HtmlError(Status.NOT_FOUND, texts.errorNotFound(), texts.errorNotFoundDetail());
    } catch (Forbidden e) {
      throw new HtmlError(
          Status.FORBIDDEN, AdminLanguage.current().messages().errorForbidden(), e.getMessage());
    } catch (Conflict e) {
      throw new HtmlError(
          Status.CONFLICT, AdminLanguage.current().messages().errorConflict(), e.getMessage());
    } catch (DomainException e) {
      throw new HtmlError(
          Status.BAD_REQUEST,
          AdminLanguage.current().messages().errorNotPossible(),
          e.getMessage());
    }
  }

  /** Shows the refusal as a page; sends strangers to the sign-in page. */
  public static class Mapper {
    @ServerExceptionMapper
    public RestResponse<Void> signIn(SignInRequired required) {
      return RestResponse.ResponseBuilder.<Void>create(Status.FOUND)
          .location(java.net.URI.create("/admin/login"))
          .build();
    }

    @ServerExceptionMapper
    public RestResponse<String> page(HtmlError error) {
      return RestResponse.ResponseBuilder.<String>create(error.status())
          .entity(
              Templates.error(
                      error.status().getStatusCode(), error.title(), error.getMessage(), null)
                  .render())
          .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
          .build();
    }
  }
}
