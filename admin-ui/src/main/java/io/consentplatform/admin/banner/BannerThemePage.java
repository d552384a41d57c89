package io.consentplatform.admin.banner;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.ThemeMessages;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteTheme;
import io.consentplatform.core.site.SiteView;
import io.consentplatform.core.site.ThemeService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A site's banner look (layout, colours, font, corners, dark mode) beside the live preview of the
 * real banner showing the draft; contrast is checked before saving ({@link SiteTheme#checked}).
 */
@Path("/admin/sites/{siteId}/theme")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class BannerThemePage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance edit(
        SiteView site,
        ThemeForm form,
        List<Choice> layouts,
        String lang,
        Map<String, String> errors,
        Chrome chrome);
  }

  /** A layout as the form offers it. */
  public record Choice(String value, String label) {}

  private final SiteService sites;
  private final ThemeService themes;
  private final AdminCaller admin;

  public BannerThemePage(SiteService sites, ThemeService themes, AdminCaller admin) {
    this.sites = sites;
    this.themes = themes;
    this.admin = admin;
  }

  @GET
  public TemplateInstance edit(@RestPath long siteId, @RestQuery String done) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    ThemeService.Versioned saved = themes.get(caller, siteId);
    String notice = "theme-saved".equals(done) ? messages().noticeThemeSaved() : null;
    return Templates.edit(
        site,
        ThemeForm.of(saved.theme(), saved.version()),
        layouts(),
        site.defaultLanguage(),
        Map.of(),
        Chrome.of(caller, admin, notice));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(@RestPath long siteId, @BeanParam ThemeForm form) {
    Caller caller = admin.editor();
    SiteView site = sites.get(caller, siteId);
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      themes.update(caller, siteId, form.theme(), form.expectedVersion());
      return Response.seeOther(URI.create("/admin/sites/" + siteId + "/theme?done=theme-saved"))
          .build();
    } catch (NumberFormatException e) {
      errors.put("radius", messages().radiusNotANumber());
    } catch (Rejected e) {
      // Every pair at fault at once, each under its field: the person fixes them in one go; a pair
      // short of contrast in the person's language, the others as the domain words them.
      form.theme().lowContrasts().forEach(low -> errors.putIfAbsent(low.field(), lowContrast(low)));
      e.faults().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
    } catch (Conflict e) {
      errors.put("form", e.getMessage());
    }
    return Pages.invalid(
        Templates.edit(
            site, form, layouts(), site.defaultLanguage(), errors, Chrome.of(caller, admin, null)));
  }

  private static String lowContrast(SiteTheme.LowContrast low) {
    ThemeMessages m = messages();
    return m.lowContrast(
        colourLabel(low.field(), m),
        low.foreground(),
        // Mid-sentence: "Text colour #999999 on background colour #ffffff".
        lowerFirst(colourLabel(low.against(), m)),
        low.background(),
        low.shownRatio(),
        low.shownMinimum());
  }

  private static String lowerFirst(String label) {
    return label.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + label.substring(1);
  }

  private static String colourLabel(String field, ThemeMessages m) {
    return switch (field) {
      case "background" -> m.fieldBackground();
      case "text" -> m.fieldText();
      case "accent" -> m.fieldAccent();
      default -> m.fieldAccentText();
    };
  }

  private static List<Choice> layouts() {
    ThemeMessages m = messages();
    return List.of(
        new Choice("BOX", m.layoutBOX()),
        new Choice("BAR", m.layoutBAR()),
        new Choice("CENTRE", m.layoutCENTRE()));
  }

  private static ThemeMessages messages() {
    return MessageBundles.get(
        ThemeMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }
}
