package io.consentplatform.admin.cookie;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.FormErrors;
import io.consentplatform.admin.FormValues;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.Pages;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.category.CategoryService;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.cookie.CookieEdit;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.cookie.ProviderView;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.consentplatform.core.text.Languages;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A site's cookie declarations: search and filter, declare, edit, remove. */
@Path("/admin/sites/{siteId}/cookies")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class CookiesPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        SiteView site,
        List<CookieView> cookies,
        List<CategoryView> categories,
        List<ProviderView> providers,
        String q,
        String category,
        CookieForm form,
        Map<String, String> errors,
        Chrome chrome);

    static native TemplateInstance edit(
        SiteView site,
        CookieView cookie,
        String lang,
        List<CategoryView> categories,
        List<ProviderView> providers,
        CookieForm form,
        Map<String, String> errors,
        Chrome chrome);
  }

  private final CookieService cookies;
  private final CategoryService categories;
  private final SiteService sites;
  private final Validator validator;
  private final AdminCaller admin;

  public CookiesPage(
      CookieService cookies,
      CategoryService categories,
      SiteService sites,
      Validator validator,
      AdminCaller admin) {
    this.cookies = cookies;
    this.categories = categories;
    this.sites = sites;
    this.validator = validator;
    this.admin = admin;
  }

  @GET
  public TemplateInstance list(
      @RestPath long siteId,
      @RestQuery String q,
      @RestQuery String category,
      @RestQuery String done) {
    return listPage(siteId, q, category, CookieForm.empty(), Map.of(), Notices.text(done));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(@RestPath long siteId, @BeanParam CookieForm form) {
    Caller caller = admin.editor();
    SiteView site = sites.get(caller, siteId);
    CookieEdit edit = form.edit(site.defaultLanguage(), Map.of(), Map.of());
    FormErrors errors = FormErrors.check(validator, edit);
    CookieForm.placeRetentionErrors(errors.messages());
    if (errors.attempt(() -> cookies.createCookie(caller, siteId, edit), "name") != null) {
      return Pages.done(base(siteId), "cookie-added");
    }
    return Pages.invalid(listPage(siteId, null, null, form, errors.messages(), null));
  }

  @GET
  @Path("/{cookieId}")
  public TemplateInstance edit(
      @RestPath long siteId,
      @RestPath long cookieId,
      @RestQuery String lang,
      @RestQuery String done) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    CookieView cookie = cookies.cookie(caller, siteId, cookieId);
    String language = Languages.forEditing(site, lang);
    return editPage(
        site, cookie, language, CookieForm.of(cookie, language), Map.of(), Notices.text(done));
  }

  @POST
  @Path("/{cookieId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(
      @RestPath long siteId,
      @RestPath long cookieId,
      @RestQuery String lang,
      @BeanParam CookieForm form) {
    Caller caller = admin.editor();
    SiteView site = sites.get(caller, siteId);
    CookieView cookie = cookies.cookie(caller, siteId, cookieId);
    String language = Languages.forEditing(site, lang);
    CookieEdit edit = form.edit(language, cookie.texts(), cookie.retention().notes());
    FormErrors errors = FormErrors.check(validator, edit);
    CookieForm.placeRetentionErrors(errors.messages());
    if (errors.attempt(
            () -> cookies.updateCookie(caller, siteId, cookieId, edit, form.expectedVersion()),
            "name")
        != null) {
      return Pages.done(base(siteId) + "/" + cookieId + "?lang=" + language, "cookie-saved");
    }
    return Pages.invalid(editPage(site, cookie, language, form, errors.messages(), null));
  }

  @POST
  @Path("/{cookieId}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response delete(@RestPath long siteId, @RestPath long cookieId, @RestForm String version) {
    cookies.deleteCookie(admin.editor(), siteId, cookieId, FormValues.version(version));
    return Pages.done(base(siteId), "cookie-deleted");
  }

  private TemplateInstance listPage(
      long siteId,
      String q,
      String category,
      CookieForm form,
      Map<String, String> errors,
      String notice) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    List<CookieView> shown =
        cookies.cookies(caller, siteId).stream()
            .filter(c -> category == null || category.isBlank() || c.category().equals(category))
            .filter(c -> query.isEmpty() || matches(c, query))
            .toList();
    return Templates.list(
        site,
        shown,
        categories.list(caller, siteId),
        cookies.providers(caller, siteId),
        q == null ? "" : q,
        category == null ? "" : category,
        form,
        errors,
        Chrome.of(caller, admin, notice));
  }

  private TemplateInstance editPage(
      SiteView site,
      CookieView cookie,
      String language,
      CookieForm form,
      Map<String, String> errors,
      String notice) {
    Caller caller = admin.get();
    return Templates.edit(
        site,
        cookie,
        language,
        categories.list(caller, site.id()),
        cookies.providers(caller, site.id()),
        form,
        errors,
        Chrome.of(caller, admin, notice));
  }

  private static boolean matches(CookieView cookie, String query) {
    return cookie.name().toLowerCase(Locale.ROOT).contains(query)
        || cookie.provider().toLowerCase(Locale.ROOT).contains(query)
        || cookie.texts().values().stream()
            .anyMatch(t -> t.purposes().toLowerCase(Locale.ROOT).contains(query));
  }

  private static String base(long siteId) {
    return "/admin/sites/" + siteId + "/cookies";
  }
}
