package io.consentplatform.admin.banner;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.FormErrors;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.policy.BannerConfig;
import io.consentplatform.core.policy.VersionService;
import io.consentplatform.core.region.Region;
import io.consentplatform.core.site.SiteEdit;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteTexts;
import io.consentplatform.core.site.SiteView;
import io.consentplatform.core.text.Languages;
import io.consentplatform.core.text.PlatformTexts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The banner's and policy page's texts, one language at a time, beside a live preview of the real
 * banner script showing the draft.
 */
@Path("/admin/sites/{siteId}/texts")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class BannerTextsPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance edit(
        SiteView site,
        String lang,
        List<Text> texts,
        long version,
        Map<String, String> errors,
        Chrome chrome);

    static native TemplateInstance preview(SiteView site, String lang, String region);
  }

  /** One text as the form shows it: what the site says, or the default it falls back to. */
  public record Text(
      String name, String label, boolean multiline, String value, String defaultText) {}

  private final SiteService sites;
  private final VersionService versions;
  private final Validator validator;
  private final AdminCaller admin;

  public BannerTextsPage(
      SiteService sites, VersionService versions, Validator validator, AdminCaller admin) {
    this.sites = sites;
    this.versions = versions;
    this.validator = validator;
    this.admin = admin;
  }

  @GET
  public TemplateInstance edit(
      @RestPath long siteId, @RestQuery String lang, @RestQuery String done) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    String language = Languages.forEditing(site, lang);
    SiteTexts own = site.texts().getOrDefault(language, SiteTexts.NONE);
    return Templates.edit(
        site,
        language,
        texts(own, language),
        site.version(),
        Map.of(),
        Chrome.of(caller, admin, Notices.text(done)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(@RestPath long siteId, @RestQuery String lang, @BeanParam TextsForm form) {
    Caller caller = admin.editor();
    SiteView site = sites.get(caller, siteId);
    String language = Languages.forEditing(site, lang);
    SiteTexts typed = form.texts();
    Map<String, SiteTexts> texts = new TreeMap<>(site.texts());
    texts.put(language, typed);
    SiteEdit edit =
        new SiteEdit(
            site.key(),
            site.name(),
            site.domains(),
            site.languages(),
            site.defaultLanguage(),
            site.consentLifetimeDays(),
            texts,
            site.controller(),
            site.cookieDomain(),
            site.vendorSignals());
    FormErrors errors = FormErrors.check(validator, edit);
    if (errors.attempt(() -> sites.update(caller, siteId, edit, form.expectedVersion()), "form")
        != null) {
      return Response.seeOther(
              URI.create(
                  "/admin/sites/"
                      + siteId
                      + "/texts?lang="
                      + URLEncoder.encode(language, StandardCharsets.UTF_8)
                      + "&done=texts-saved"))
          .build();
    }
    return Pages.invalid(
        Templates.edit(
            site,
            language,
            texts(typed, language),
            form.expectedVersion() == null ? site.version() : form.expectedVersion(),
            errors.messages(),
            Chrome.of(caller, admin, null)));
  }

  /**
   * A page that stands for one of the site's pages, with the real banner script in preview mode.
   * The back office frames it; its policy allows the banner's injected stylesheet, nothing else.
   * With {@code region}, the banner is the one a visitor from there gets from the draft's rules.
   */
  @GET
  @Path("/preview")
  public TemplateInstance preview(
      @RestPath long siteId, @RestQuery String lang, @RestQuery String region) {
    SiteView site = sites.get(admin.get(), siteId);
    return Templates.preview(
        site, Languages.forEditing(site, lang), Region.parse(region).map(Region::code).orElse(""));
  }

  /**
   * The draft's banner configuration: what visitors would see once it is published, serialised by
   * the same {@link BannerConfig#json()} that serves them.
   */
  @GET
  @Path("/draft")
  @Produces(MediaType.APPLICATION_JSON)
  public byte[] draft(@RestPath long siteId, @RestQuery String lang, @RestQuery String region) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    // A region that is none (empty, "XX", garbage) previews the unknown region's experience.
    return BannerConfig.ofDraft(
            versions.preview(caller, siteId),
            Languages.forEditing(site, lang),
            Region.parse(region))
        .json();
  }

  private static List<Text> texts(SiteTexts own, String language) {
    SiteTexts defaults = PlatformTexts.defaults(language);
    return TextsForm.FIELDS.stream()
        .map(
            f ->
                new Text(
                    f.name(),
                    f.label().apply(AdminLanguage.current().messages()),
                    f.multiline(),
                    f.read().apply(own),
                    f.read().apply(defaults)))
        .toList();
  }
}
