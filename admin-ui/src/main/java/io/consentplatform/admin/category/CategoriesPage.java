package io.consentplatform.admin.category;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.FormErrors;
import io.consentplatform.admin.FormValues;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.Pages;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.category.CategoryEdit;
import io.consentplatform.core.category.CategoryService;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.cookie.CookieService.CookiesPer;
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
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A site's categories: the switches of the banner's settings layer. */
@Path("/admin/sites/{siteId}/categories")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class CategoriesPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        SiteView site,
        List<CategoryView> categories,
        Map<String, Long> cookieCounts,
        List<Purpose> purposes,
        CategoryForm form,
        Map<String, String> errors,
        Chrome chrome);

    static native TemplateInstance edit(
        SiteView site,
        CategoryView category,
        String lang,
        List<Purpose> purposes,
        CategoryForm form,
        Map<String, String> errors,
        Chrome chrome);
  }

  private static final List<Purpose> PURPOSES = List.of(Purpose.values());

  private final CategoryService categories;
  private final CookieService cookies;
  private final SiteService sites;
  private final Validator validator;
  private final AdminCaller admin;

  public CategoriesPage(
      CategoryService categories,
      CookieService cookies,
      SiteService sites,
      Validator validator,
      AdminCaller admin) {
    this.categories = categories;
    this.cookies = cookies;
    this.sites = sites;
    this.validator = validator;
    this.admin = admin;
  }

  @GET
  public TemplateInstance list(@RestPath long siteId, @RestQuery String done) {
    return listPage(siteId, CategoryForm.empty(), Map.of(), Notices.text(done));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(@RestPath long siteId, @BeanParam CategoryForm form) {
    Caller caller = admin.editor();
    SiteView site = sites.get(caller, siteId);
    CategoryEdit edit = form.edit(site.defaultLanguage(), Map.of());
    FormErrors errors = FormErrors.check(validator, edit);
    if (errors.attempt(() -> categories.create(caller, siteId, edit), "key") != null) {
      return Pages.done(base(siteId), "category-added");
    }
    return Pages.invalid(listPage(siteId, form, errors.messages(), null));
  }

  @GET
  @Path("/{categoryId}")
  public TemplateInstance edit(
      @RestPath long siteId,
      @RestPath long categoryId,
      @RestQuery String lang,
      @RestQuery String done) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    CategoryView category = categories.get(caller, siteId, categoryId);
    String language = Languages.forEditing(site, lang);
    return Templates.edit(
        site,
        category,
        language,
        PURPOSES,
        CategoryForm.of(category, language),
        Map.of(),
        Chrome.of(caller, admin, Notices.text(done)));
  }

  @POST
  @Path("/{categoryId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(
      @RestPath long siteId,
      @RestPath long categoryId,
      @RestQuery String lang,
      @BeanParam CategoryForm form) {
    Caller caller = admin.editor();
    SiteView site = sites.get(caller, siteId);
    CategoryView category = categories.get(caller, siteId, categoryId);
    String language = Languages.forEditing(site, lang);
    CategoryEdit edit = form.edit(language, category.texts());
    FormErrors errors = FormErrors.check(validator, edit);
    if (errors.attempt(
            () -> categories.update(caller, siteId, categoryId, edit, form.expectedVersion()),
            "key")
        != null) {
      return Pages.done(base(siteId) + "/" + categoryId + "?lang=" + language, "category-saved");
    }
    return Pages.invalid(
        Templates.edit(
            site,
            category,
            language,
            PURPOSES,
            form,
            errors.messages(),
            Chrome.of(caller, admin, null)));
  }

  /** Refused with a clear page while cookies still belong to the category. */
  @POST
  @Path("/{categoryId}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response delete(
      @RestPath long siteId, @RestPath long categoryId, @RestForm String version) {
    categories.delete(admin.editor(), siteId, categoryId, FormValues.version(version));
    return Pages.done(base(siteId), "category-deleted");
  }

  private TemplateInstance listPage(
      long siteId, CategoryForm form, Map<String, String> errors, String notice) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    Map<String, Long> counts = cookies.cookieCounts(caller, siteId, CookiesPer.CATEGORY);
    return Templates.list(
        site,
        categories.list(caller, siteId),
        counts,
        PURPOSES,
        form,
        errors,
        Chrome.of(caller, admin, notice));
  }

  private static String base(long siteId) {
    return "/admin/sites/" + siteId + "/categories";
  }
}
