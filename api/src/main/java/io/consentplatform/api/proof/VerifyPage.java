package io.consentplatform.api.proof;

import io.consentplatform.core.text.Languages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The public page where anyone checks a receipt with their own browser: the page is a shell, the
 * checks are {@code /assets/verify.js}, which fetches the proof and the keys and verifies them.
 */
@Path("/verify")
public class VerifyPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance page(String language);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show(
      @RestQuery String lang, @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    String language =
        Languages.choose(lang, acceptLanguage, Languages.PLATFORM, Languages.PLATFORM.get(0));
    return Templates.page(language).setLocale(Locale.forLanguageTag(language));
  }
}
