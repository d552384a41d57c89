package io.consentplatform.admin;

import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.AdminMessages;
import io.consentplatform.admin.i18n.PlanMessages;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.DomainException;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.plan.LimitReached;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the domain's refusals on back-office pages into an HTML page with the right status: 404 for
 * another tenant's ids as for missing ones, 403 for a role that may not, 409 for a conflict, 422
 * for a rule an input breaks.
 */
@HtmlErrors
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class HtmlErrorsInterceptor {

  @CheckedTemplate(basePath = "Admin")
  static class Templates {
    static native TemplateInstance error(
        int status, String title, String detail, String back, String backLabel, Chrome chrome);
  }

  @AroundInvoke
  Object render(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (NotFound e) {
      AdminMessages texts = AdminLanguage.current().messages();
      throw new HtmlError(Status.NOT_FOUND, texts.errorNotFound(), texts.errorNotFoundDetail());
    } catch (LimitReached e) {
      // The plan's refusal, in the person's language: 403, or 429 for a monthly quota.
      PlanMessages texts =
          MessageBundles.get(
              PlanMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
      throw new HtmlError(
          e.limit().monthly() ? Status.TOO_MANY_REQUESTS : Status.FORBIDDEN,
          texts.limitReachedTitle(),
          texts.limitReachedDetail(e.limit().code(), e.plan()));
    } catch (Forbidden e) {
      throw new HtmlError(
          Status.FORBIDDEN,
          AdminLanguage.current().messages().errorForbidden(),
          AdminLanguage.current().accountMessages().errorForbiddenDetail());
    } catch (Conflict e) {
      throw new HtmlError(
          Status.CONFLICT, AdminLanguage.current().messages().errorConflict(), e.getMessage());
    } catch (Rejected e) {
      throw new HtmlError(
          Pages.UNPROCESSABLE_CONTENT,
          AdminLanguage.current().messages().errorNotPossible(),
          e.getMessage(),
          null,
          null);
    } catch (DomainException e) {
      throw new HtmlError(
          Status.BAD_REQUEST,
          AdminLanguage.current().messages().errorNotPossible(),
          e.getMessage());
    }
  }

  /**
   * Shows the refusal as a page inside the back office's frame (navigation, tenant, person) when
   * someone is signed in, with a way back; sends strangers to the sign-in page.
   */
  public static class Mapper {

    private final AdminCaller admin;

    public Mapper(AdminCaller admin) {
      this.admin = admin;
    }

    @ServerExceptionMapper
    public RestResponse<Void> signIn(SignInRequired required) {
      return RestResponse.ResponseBuilder.<Void>create(Status.FOUND)
          .location(URI.create("/admin/login"))
          .build();
    }

    @ServerExceptionMapper
    public RestResponse<String> page(HtmlError error, HttpHeaders headers, UriInfo uri) {
      String back = error.back();
      String backLabel = error.backLabel();
      if (back == null) {
        back = previousPage(headers.getHeaderString("Referer"), uri.getRequestUri());
        backLabel =
            back == null ? null : AdminLanguage.current().accountMessages().backToPrevious();
      }
      return RestResponse.ResponseBuilder.<String>create(error.status())
          .entity(
              Templates.error(
                      error.status(), error.title(), error.getMessage(), back, backLabel, chrome())
                  .render())
          .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
          .build();
    }

    /** The frame of the signed-in person's pages; none for a stranger or a person without one. */
    private Chrome chrome() {
      try {
        return Chrome.of(admin.get(), admin, null);
      } catch (RuntimeException e) {
        return null;
      }
    }

    /**
     * The back-office page the refused form or link was on (its path, from the same-origin
     * Referer), so that the way back leads where the person was; nothing from another site.
     */
    private static String previousPage(String referer, URI here) {
      if (referer == null) {
        return null;
      }
      try {
        URI from = URI.create(referer);
        boolean sameOrigin =
            here.getScheme().equals(from.getScheme())
                && here.getAuthority() != null
                && here.getAuthority().equals(from.getAuthority());
        String path = from.getRawPath();
        if (!sameOrigin || path == null || !path.startsWith("/admin/")) {
          return null;
        }
        String page = from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        String current =
            here.getRawQuery() == null
                ? here.getRawPath()
                : here.getRawPath() + "?" + here.getRawQuery();
        return page.equals(current) ? null : page;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
