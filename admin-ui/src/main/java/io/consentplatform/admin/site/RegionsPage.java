package io.consentplatform.admin.site;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.FormErrors;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Pages;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.RegionMessages;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.Region;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.RegionSettings;
import io.consentplatform.core.site.RegionSettingsService;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A site's rules by region and refusal interval, as drafts, with a preview of the banner as a
 * visitor from a chosen region gets it from the draft.
 */
@Path("/admin/sites/{siteId}/regions")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class RegionsPage {

  private static final Pattern RULE_FIELD = Pattern.compile("^rules\\[(\\d+)]");

  private static final Pattern RULE_ENTRY = Pattern.compile("rules\\[(\\d+)]\\.regions\\[(\\d+)]");

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance edit(
        SiteView site,
        List<Row> rows,
        RegionsForm form,
        List<Choice> experiences,
        Map<String, String> errors,
        boolean unsaved,
        Preview preview,
        Chrome chrome);
  }

  /**
   * One rule on the page: its place, what was typed, and the experience's label for a reader who
   * cannot edit.
   */
  public record Row(
      int index, String regions, String experience, String experienceLabel, boolean last) {

    /** Its place counted from one, as people count. */
    public int number() {
      return index + 1;
    }
  }

  /** One option of an experience select. */
  public record Choice(String value, String label) {}

  /**
   * What the preview shows: the region asked about ({@code ""} for unknown), the experience the
   * draft's saved rules give it, and the framed page.
   */
  public record Preview(String region, String sentence, String frame) {}

  private final RegionSettingsService regions;
  private final SiteService sites;
  private final Validator validator;
  private final AdminCaller admin;

  public RegionsPage(
      RegionSettingsService regions, SiteService sites, Validator validator, AdminCaller admin) {
    this.regions = regions;
    this.sites = sites;
    this.validator = validator;
    this.admin = admin;
  }

  @GET
  public TemplateInstance edit(
      @RestPath long siteId, @RestQuery String done, @RestQuery String region) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    RegionSettingsService.Versioned saved = regions.get(caller, siteId);
    String notice = "regions-saved".equals(done) ? messages().noticeRegionsSaved() : null;
    return page(
        site,
        RegionsForm.of(saved.settings(), saved.version()),
        Map.of(),
        false,
        preview(site, saved.settings(), region),
        Chrome.of(caller, admin, notice));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(@RestPath long siteId, @BeanParam RegionsForm form) {
    Caller caller = admin.editor();
    SiteView site = sites.get(caller, siteId);
    String action = form.action == null ? "save" : form.action;
    if (!action.equals("save")) {
      rearrange(form, action);
      RegionSettings saved = regions.get(caller, siteId).settings();
      return Response.ok(
              page(
                  site,
                  form,
                  Map.of(),
                  true,
                  preview(site, saved, null),
                  Chrome.of(caller, admin, null)))
          .build();
    }
    RegionSettings typed = form.settings();
    FormErrors errors = FormErrors.check(validator, typed);
    Map<String, String> messages = new TreeMap<>(errors.messages());
    if (messages.isEmpty()) {
      try {
        regions.update(caller, siteId, typed, form.expectedVersion());
        return Response.seeOther(
                URI.create("/admin/sites/" + siteId + "/regions?done=regions-saved"))
            .build();
      } catch (Rejected e) {
        messages.put(fieldOf(e.field()), messageOf(e, typed));
      } catch (Conflict e) {
        messages.put("form", e.getMessage());
      }
    }
    RegionSettings saved = regions.get(caller, siteId).settings();
    return Pages.invalid(
        page(
            site,
            form,
            messages,
            true,
            preview(site, saved, null),
            Chrome.of(caller, admin, null)));
  }

  /** The button pressed, applied to the form: nothing is saved. */
  private static void rearrange(RegionsForm form, String action) {
    List<RegionsForm.Line> lines = new ArrayList<>(form.lines());
    String[] parts = action.split(":", 2);
    int at = parts.length == 2 ? index(parts[1]) : -1;
    switch (parts[0]) {
      case "add" -> lines.add(new RegionsForm.Line("", Experience.OPT_IN.wireName()));
      case "defaults" -> {
        String days = form.refusalLifetimeDays;
        form.fill(RegionSettings.PLATFORM_DEFAULT);
        form.refusalLifetimeDays = days;
        return;
      }
      case "up" -> {
        if (at > 0 && at < lines.size()) {
          lines.add(at - 1, lines.remove(at));
        }
      }
      case "down" -> {
        if (at >= 0 && at < lines.size() - 1) {
          lines.add(at + 1, lines.remove(at));
        }
      }
      case "remove" -> {
        if (at >= 0 && at < lines.size()) {
          lines.remove(at);
        }
      }
      default -> {
        // An unknown button changes nothing: the form comes back as it was sent.
      }
    }
    form.replace(lines);
  }

  private static int index(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The domain's refusal of a rule in the person's language, naming the entry at fault. */
  private static String messageOf(Rejected rejected, RegionSettings typed) {
    Matcher entry = RULE_ENTRY.matcher(rejected.field() == null ? "" : rejected.field());
    if (entry.matches()) {
      return messages()
          .badRegion(
              typed
                  .rules()
                  .get(Integer.parseInt(entry.group(1)))
                  .regions()
                  .get(Integer.parseInt(entry.group(2))));
    }
    if (rejected.field() != null && rejected.field().endsWith(".regions")) {
      return messages().regionsCount(RegionRules.MAX_REGIONS);
    }
    return rejected.getMessage();
  }

  /** {@code rules[2].regions[0]} is shown beside rule 2; other fields by their name. */
  private static String fieldOf(String field) {
    if (field == null) {
      return "form";
    }
    Matcher rule = RULE_FIELD.matcher(field);
    return rule.find() ? "rule-" + rule.group(1) : field;
  }

  private TemplateInstance page(
      SiteView site,
      RegionsForm form,
      Map<String, String> errors,
      boolean unsaved,
      Preview preview,
      Chrome chrome) {
    List<RegionsForm.Line> lines = form.lines();
    List<Choice> choices = choices();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String experience = lines.get(i).experience();
      String label =
          choices.stream()
              .filter(c -> c.value().equals(experience))
              .map(Choice::label)
              .findFirst()
              .orElse("");
      rows.add(new Row(i, lines.get(i).regions(), experience, label, i == lines.size() - 1));
    }
    return Templates.edit(site, rows, form, choices, errors, unsaved, preview, chrome);
  }

  private static Preview preview(SiteView site, RegionSettings saved, String asked) {
    RegionMessages texts = messages();
    Optional<Region> region = Region.parse(asked);
    String experience = label(saved.regionRules().experienceFor(region), texts);
    String code = region.map(Region::code).orElse("");
    String sentence =
        region.isPresent()
            ? texts.previewGets(code, experience)
            : texts.previewUnknownGets(experience);
    String frame =
        "/admin/sites/"
            + site.id()
            + "/texts/preview?lang="
            + site.defaultLanguage()
            + (code.isEmpty() ? "" : "&region=" + code);
    return new Preview(code, sentence, frame);
  }

  private static List<Choice> choices() {
    RegionMessages texts = messages();
    return Arrays.stream(Experience.values())
        .map(e -> new Choice(e.wireName(), label(e, texts)))
        .toList();
  }

  private static String label(Experience experience, RegionMessages texts) {
    return switch (experience) {
      case OPT_IN -> texts.experienceOPT_IN();
      case OPT_OUT -> texts.experienceOPT_OUT();
      case NOTICE -> texts.experienceNOTICE();
      case NONE -> texts.experienceNONE();
    };
  }

  private static RegionMessages messages() {
    return MessageBundles.get(
        RegionMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
  }
}
