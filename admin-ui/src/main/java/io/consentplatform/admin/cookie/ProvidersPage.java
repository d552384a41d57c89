package io.consentplatform.admin.cookie;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.FormErrors;
import io.consentplatform.admin.FormValues;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Notices;
import io.consentplatform.admin.Pages;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.cookie.CookieService.CookiesPer;
import io.consentplatform.core.cookie.ProviderEdit;
import io.consentplatform.core.cookie.ProviderView;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.Validator;
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

/** The providers whose cookies a site declares: the first column of the policy page's table. */
@Path("/admin/sites/{siteId}/providers")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class ProvidersPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        SiteView site,
        List<ProviderView> providers,
        Map<String, Long> cookieCounts,
        ProviderForm form,
        Map<String, String> errors,
        Chrome chrome);

    static native TemplateInstance edit(
        SiteView site,
        ProviderView provider,
        ProviderForm form,
        Map<String, String> errors,
        Chrome chrome);
  }

  /** What the form holds; the version guards against overwriting someone else's change. */
  public record ProviderForm(String name, String privacyPolicyUrl, String version) {
    static final ProviderForm EMPTY = new ProviderForm("", "", "");

    static ProviderForm of(ProviderView provider) {
      return new ProviderForm(
          provider.name(),
          provider.privacyPolicyUrl() == null ? "" : provider.privacyPolicyUrl(),
          String.valueOf(provider.version()));
    }

    ProviderEdit edit() {
      return new ProviderEdit(FormValues.text(name), FormValues.text(privacyPolicyUrl));
    }

    Long expectedVersion() {
      return FormValues.version(version);
    }
  }

  private final CookieService cookies;
  private final SiteService sites;
  private final Validator validator;
  private final AdminCaller admin;

  public ProvidersPage(
      CookieService cookies, SiteService sites, Validator validator, AdminCaller admin) {
    this.cookies = cookies;
    this.sites = sites;
    this.validator = validator;
    this.admin = admin;
  }

  @GET
  public TemplateInstance list(@RestPath long siteId, @RestQuery String done) {
    return listPage(siteId, ProviderForm.EMPTY, Map.of(), Notices.text(done));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(
      @RestPath long siteId, @RestForm String name, @RestForm String privacyPolicyUrl) {
    Caller caller = admin.editor();
    ProviderForm form = new ProviderForm(name, privacyPolicyUrl, "");
    ProviderEdit edit = form.edit();
    FormErrors errors = FormErrors.check(validator, edit);
    if (errors.attempt(() -> cookies.createProvider(caller, siteId, edit), "name") != null) {
      return Pages.done(base(siteId), "provider-added");
    }
    return Pages.invalid(listPage(siteId, form, errors.messages(), null));
  }

  @GET
  @Path("/{providerId}")
  public TemplateInstance edit(
      @RestPath long siteId, @RestPath long providerId, @RestQuery String done) {
    Caller caller = admin.get();
    ProviderView provider = cookies.provider(caller, siteId, providerId);
    return Templates.edit(
        sites.get(caller, siteId),
        provider,
        ProviderForm.of(provider),
        Map.of(),
        Chrome.of(caller, admin, Notices.text(done)));
  }

  @POST
  @Path("/{providerId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(
      @RestPath long siteId,
      @RestPath long providerId,
      @RestForm String name,
      @RestForm String privacyPolicyUrl,
      @RestForm String version) {
    Caller caller = admin.editor();
    ProviderView provider = cookies.provider(caller, siteId, providerId);
    ProviderForm form = new ProviderForm(name, privacyPolicyUrl, version);
    ProviderEdit edit = form.edit();
    FormErrors errors = FormErrors.check(validator, edit);
    if (errors.attempt(
            () -> cookies.updateProvider(caller, siteId, providerId, edit, form.expectedVersion()),
            "name")
        != null) {
      return Pages.done(base(siteId) + "/" + providerId, "provider-saved");
    }
    return Pages.invalid(
        Templates.edit(
            sites.get(caller, siteId),
            provider,
            form,
            errors.messages(),
            Chrome.of(caller, admin, null)));
  }

  /** Refused with a clear page while cookies still name the provider. */
  @POST
  @Path("/{providerId}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response delete(
      @RestPath long siteId, @RestPath long providerId, @RestForm String version) {
    cookies.deleteProvider(admin.editor(), siteId, providerId, FormValues.version(version));
    return Pages.done(base(siteId), "provider-deleted");
  }

  private TemplateInstance listPage(
      long siteId, ProviderForm form, Map<String, String> errors, String notice) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    Map<String, Long> counts = cookies.cookieCounts(caller, siteId, CookiesPer.PROVIDER);
    return Templates.list(
        site,
        cookies.providers(caller, siteId),
        counts,
        form,
        errors,
        Chrome.of(caller, admin, notice));
  }

  private static String base(long siteId) {
    return "/admin/sites/" + siteId + "/providers";
  }
}
