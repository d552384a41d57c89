package io.consentplatform.admin.cookie;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.category.CategoryService;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.cookie.CookieEdit;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.ServiceView;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A site's cookie declarations: search, add, remove. */
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
        List<ServiceView> services,
        String q,
        String category,
        CookieForm form,
        Map<String, String> errors,
        Chrome chrome);
  }

  /** What the add form holds, kept to show it again with its errors. */
  public record CookieForm(
      String name,
      String category,
      String service,
      String retention,
      String party,
      String domain,
      String functionAndLocation,
      String purposes) {
    static final CookieForm EMPTY = new CookieForm("", "", "", "", "FIRST_PARTY", "", "", "");
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
  @Transactional(Transactional.TxType.SUPPORTS)
  public TemplateInstance list(
      @RestPath long siteId,
      @RestQuery String q,
      @RestQuery String category,
      @RestQuery String done) {
    return page(siteId, q, category, CookieForm.EMPTY, Map.of(), Notices.text(done));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(
      @RestPath long siteId,
      @RestForm String name,
      @RestForm String category,
      @RestForm String service,
      @RestForm String retention,
      @RestForm String party,
      @RestForm String domain,
      @RestForm String functionAndLocation,
      @RestForm String purposes) {
    Caller caller = admin.get();
    CookieForm form =
        new CookieForm(
            name, category, service, retention, party, domain, functionAndLocation, purposes);
    SiteView site = sites.get(caller, siteId);
    CookieEdit edit =
        new CookieEdit(
            blankToNull(name),
            false,
            blankToNull(service),
            blankToNull(category),
            blankToNull(retention),
            "THIRD_PARTY".equals(party) ? Party.THIRD_PARTY : Party.FIRST_PARTY,
            blankToNull(domain),
            100,
            Map.of(
                site.defaultLanguage(),
                new CookieText(blankToNull(functionAndLocation), blankToNull(purposes))));
    Map<String, String> errors = new TreeMap<>();
    for (ConstraintViolation<CookieEdit> violation : validator.validate(edit)) {
      errors.putIfAbsent(field(violation.getPropertyPath().toString()), violation.getMessage());
    }
    if (errors.isEmpty()) {
      try {
        cookies.createCookie(caller, siteId, edit);
        return Response.seeOther(
                URI.create("/admin/sites/" + siteId + "/cookies?done=cookie-added"))
            .build();
      } catch (Rejected e) {
        errors.put(e.field(), e.getMessage());
      } catch (Conflict e) {
        errors.put("name", e.getMessage());
      }
    }
    return Response.status(422).entity(page(siteId, null, null, form, errors, null)).build();
  }

  @POST
  @Path("/{cookieId}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response delete(@RestPath long siteId, @RestPath long cookieId) {
    cookies.deleteCookie(admin.get(), siteId, cookieId, null);
    return Response.seeOther(URI.create("/admin/sites/" + siteId + "/cookies?done=cookie-deleted"))
        .build();
  }

  private TemplateInstance page(
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
        cookies.services(caller, siteId),
        q == null ? "" : q,
        category == null ? "" : category,
        form,
        errors,
        Chrome.of(caller, admin, notice));
  }

  private static boolean matches(CookieView cookie, String query) {
    return cookie.name().toLowerCase(Locale.ROOT).contains(query)
        || cookie.service().toLowerCase(Locale.ROOT).contains(query)
        || cookie.texts().values().stream()
            .anyMatch(t -> t.purposes().toLowerCase(Locale.ROOT).contains(query));
  }

  /** {@code texts[en].purposes} becomes {@code purposes}: the form has one language. */
  private static String field(String path) {
    return path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[.*]", "");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
