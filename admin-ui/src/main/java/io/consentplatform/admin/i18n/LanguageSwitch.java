package io.consentplatform.admin.i18n;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The layout's language switcher: remembers the choice and shows the same page again. A GET form,
 * like a link: it changes nothing but how pages read, so it needs no CSRF token, and a viewer's
 * pages keep having no form that posts.
 */
@Path("/admin/language")
public class LanguageSwitch {

  /** A year: a person's language is not a session matter. */
  private static final int ONE_YEAR = 365 * 24 * 60 * 60;

  @GET
  public Response choose(@RestQuery String language, @RestQuery String back) {
    Response.ResponseBuilder answer = Response.seeOther(URI.create(backTo(back)));
    if (language != null && AdminLanguage.OFFERED.contains(language)) {
      answer.cookie(
          new NewCookie.Builder(AdminLanguage.COOKIE)
              .path("/admin")
              .value(language)
              .maxAge(ONE_YEAR)
              .httpOnly(true)
              .sameSite(NewCookie.SameSite.STRICT)
              .build());
    }
    return answer.build();
  }

  /** Only a page of the back office itself: the form must not become an open redirect. */
  static String backTo(String back) {
    boolean ownPage =
        back != null
            && back.startsWith("/admin")
            && !back.startsWith("/admin/language")
            && back.chars().noneMatch(c -> c == '\\' || c < 0x21);
    return ownPage ? back : "/admin/sites";
  }
}
