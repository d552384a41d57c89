package io.consentplatform.api.policy;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.site.DataController;
import io.consentplatform.core.site.PublicSites;
import io.consentplatform.core.site.PublicSites.PublicSite;
import io.consentplatform.core.site.SiteArchived;
import io.consentplatform.core.text.Languages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.ZoneOffset;
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

    static native TemplateInstance archived(String language, String siteName, String archivedOn);
  }

  private static final String REFERER = "Referer";

  private final PolicyService policies;
  private final PublicSites sites;

  public CookiePolicyPage(PolicyService policies, PublicSites sites) {
    this.policies = policies;
    this.sites = sites;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public RestResponse<TemplateInstance> show(
      @RestPath String siteKey,
      @RestQuery String lang,
      @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @RestQuery String from,
      @RestHeader(REFERER) String referer) {
    Optional<PublishedPolicy> current;
    try {
      current = policies.current(siteKey);
    } catch (SiteArchived archived) {
      return archived(archived, lang, acceptLanguage);
    }
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
    // The data controller and the declared domains are current settings, not the version's.
    Optional<PublicSite> site = sites.find(siteKey);
    DataController controller = site.map(PublicSite::controller).orElse(DataController.NONE);
    Optional<String> back = site.flatMap(s -> ReturnLink.to(s.domains(), from, referer));
    RestResponse<TemplateInstance> page =
        RestResponse.ok(
            Templates.page(
                    PolicyView.of(
                        policy,
                        language,
                        site.map(PublicSite::domains).orElse(List.of()),
                        controller,
                        back.orElse(null)))
                .setLocale(Locale.forLanguageTag(language)));
    // The way back may come from the Referer: a shared cache must not hand it to someone else.
    page.getHeaders().add(HttpHeaders.VARY, REFERER);
    return page;
  }

  /** The page of an archived site says so, in the platform's languages: 410, gone on purpose. */
  private static RestResponse<TemplateInstance> archived(
      SiteArchived archived, String lang, String acceptLanguage) {
    String language =
        Languages.choose(lang, acceptLanguage, Languages.PLATFORM, Languages.PLATFORM.get(0));
    String archivedOn = archived.archivedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
    return RestResponse.status(
        Status.GONE,
        Templates.archived(language, archived.siteName(), archivedOn)
            .setLocale(Locale.forLanguageTag(language)));
  }
}
