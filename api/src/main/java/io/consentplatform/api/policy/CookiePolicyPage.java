package io.consentplatform.api.policy;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.site.DeclaredDomains;
import io.consentplatform.core.text.Languages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The public cookie policy page of each site, rendered from its current published version. */
@Path("/sites/{siteKey}/cookie-policy")
public class CookiePolicyPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance page(PolicyView page);

    static native TemplateInstance notFound(String language);
  }

  private final PolicyService policies;
  private final DeclaredDomains domains;

  public CookiePolicyPage(PolicyService policies, DeclaredDomains domains) {
    this.policies = policies;
    this.domains = domains;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public RestResponse<TemplateInstance> show(
      @RestPath String siteKey,
      @RestQuery String lang,
      @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    Optional<PublishedPolicy> current = policies.current(siteKey);
    if (current.isEmpty()) {
      String language =
          Languages.choose(lang, acceptLanguage, Languages.PLATFORM, Languages.PLATFORM.get(0));
      return RestResponse.status(
          Status.NOT_FOUND,
          Templates.notFound(language).setLocale(Locale.forLanguageTag(language)));
    }
    PublishedPolicy policy = current.get();
    String language =
        Languages.choose(
            lang,
            acceptLanguage,
            policy.snapshot().site().languages(),
            policy.snapshot().site().defaultLanguage());
    return RestResponse.ok(
        Templates.page(PolicyView.of(policy, domains.of(siteKey).orElse(List.of()), language))
            .setLocale(Locale.forLanguageTag(language)));
  }
}
