package io.consentplatform.admin.version;

import io.consentplatform.admin.Labels;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.AdminMessages;
import io.consentplatform.admin.i18n.AdminSiteMessages;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.policy.PolicyDiff;
import io.consentplatform.core.policy.PolicyDiff.FieldChange;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The fields a change of the diff touches, one line each with the value before and after
 * ("Retention: '2 weeks' → '1 year'"), in the person's language, for the versions page.
 */
@TemplateExtension
final class ChangeLines {

  /**
   * Long texts (a description, a banner message) are cut here on the page; the API has them all.
   */
  private static final int MAX_VALUE = 200;

  /** Characters of unchanged text kept before a difference deep inside a long value. */
  private static final int CONTEXT = 40;

  private static final Map<String, BiFunction<AdminMessages, AdminSiteMessages, String>> LABELS =
      Map.ofEntries(
          Map.entry("name", (a, s) -> a.fieldName()),
          Map.entry("domains", (a, s) -> a.fieldDomains()),
          Map.entry("languages", (a, s) -> a.fieldLanguages()),
          Map.entry("defaultLanguage", (a, s) -> a.fieldDefaultLanguage()),
          Map.entry("consentLifetimeDays", (a, s) -> a.fieldConsentLifetime()),
          Map.entry("bannerTitle", (a, s) -> a.textBannerTitle()),
          Map.entry("bannerMessage", (a, s) -> a.textBannerMessage()),
          Map.entry("acceptAll", (a, s) -> a.textAcceptAll()),
          Map.entry("rejectAll", (a, s) -> a.textRejectAll()),
          Map.entry("customize", (a, s) -> a.textCustomize()),
          Map.entry("settingsTitle", (a, s) -> a.textSettingsTitle()),
          Map.entry("save", (a, s) -> a.textSave()),
          Map.entry("alwaysOn", (a, s) -> a.textAlwaysOn()),
          Map.entry("policyLink", (a, s) -> a.textPolicyLink()),
          Map.entry("gpcNotice", (a, s) -> a.textGpcNotice()),
          Map.entry("policyIntro", (a, s) -> a.textPolicyIntro()),
          Map.entry("description", (a, s) -> s.fieldDescription()),
          Map.entry("purpose", (a, s) -> s.fieldPurpose()),
          Map.entry("required", (a, s) -> s.fieldRequired()),
          Map.entry("privacyPolicyUrl", (a, s) -> s.fieldPrivacyPolicyUrl()),
          Map.entry("provider", (a, s) -> s.fieldProvider()),
          Map.entry("category", (a, s) -> s.fieldCategory()),
          Map.entry("retention", (a, s) -> s.fieldRetention()),
          Map.entry("party", (a, s) -> s.fieldSetBy()),
          Map.entry("domain", (a, s) -> s.fieldDomain()),
          Map.entry("functionAndLocation", (a, s) -> s.fieldFunctionAndLocation()),
          Map.entry("purposes", (a, s) -> s.fieldPurposes()),
          Map.entry("wildcard", (a, s) -> s.wildcardLabel()),
          Map.entry("doNotSell", (a, s) -> a.textDoNotSell()),
          Map.entry("dismiss", (a, s) -> a.textDismiss()),
          Map.entry("noticeMessage", (a, s) -> a.textNoticeMessage()),
          Map.entry("sensitive", (a, s) -> SiteMessages.regions().fieldSensitive()),
          Map.entry("regionRules", (a, s) -> SiteMessages.regions().fieldRegionRules()),
          Map.entry(
              "refusalLifetimeDays", (a, s) -> SiteMessages.regions().fieldRefusalLifetimeDays()),
          Map.entry("cookieDomain", (a, s) -> SiteMessages.settings().fieldCookieDomain()),
          Map.entry("signals", (a, s) -> SiteMessages.settings().fieldVendorSignals()),
          Map.entry("theme", (a, s) -> SiteMessages.theme().themeHeading()),
          Map.entry("embedMessage", (a, s) -> a.textEmbedMessage()),
          Map.entry("embedLoad", (a, s) -> a.textEmbedLoad()),
          Map.entry("embedAllow", (a, s) -> a.textEmbedAllow()),
          Map.entry("storage", (a, s) -> s.fieldStorage()),
          Map.entry("httpOnly", (a, s) -> s.httpOnlyShort()));

  private ChangeLines() {}

  /** The changed fields of one category, provider or cookie. */
  static List<String> linesOf(PolicyDiff diff, String item, String key) {
    return lines(diff, f -> f.item().equals(item) && f.key().equals(key));
  }

  /** The values of one changed setting of the site. */
  static List<String> settingLines(PolicyDiff diff, String field) {
    return lines(
        diff, f -> f.item().equals("site") && f.language() == null && f.field().equals(field));
  }

  /** The site's changed texts in one language, which the line above them already names. */
  static List<String> textLines(PolicyDiff diff, String language) {
    return lines(diff, f -> f.item().equals("site") && language.equals(f.language()), false);
  }

  private static List<String> lines(PolicyDiff diff, Predicate<FieldChange> which) {
    return lines(diff, which, true);
  }

  private static List<String> lines(
      PolicyDiff diff, Predicate<FieldChange> which, boolean withLanguage) {
    AdminMessages admin = AdminLanguage.current().messages();
    AdminSiteMessages site = SiteMessages.current();
    return diff.fields().stream()
        .filter(which)
        .map(f -> line(f, withLanguage, admin, site))
        .toList();
  }

  private static String line(
      FieldChange change, boolean withLanguage, AdminMessages admin, AdminSiteMessages site) {
    var label = LABELS.get(change.field());
    String field = label == null ? change.field() : label.apply(admin, site);
    int from = differenceStart(change.before(), change.after());
    String before = value(change.field(), change.before(), from, site);
    String after = value(change.field(), change.after(), from, site);
    return change.language() == null || !withLanguage
        ? site.fieldChange(field, before, after)
        : site.fieldChangeIn(field, change.language(), before, after);
  }

  /**
   * Where two values start to differ, less a few words of context, when the difference lies beyond
   * what a shortened value shows: a correction at the end of a long text must not read as two
   * identical beginnings. Zero when the difference shows anyway.
   */
  static int differenceStart(String before, String after) {
    if (before == null || after == null) {
      return 0;
    }
    int same = 0;
    int shorter = Math.min(before.length(), after.length());
    while (same < shorter && before.charAt(same) == after.charAt(same)) {
      same++;
    }
    if (same < MAX_VALUE - CONTEXT) {
      return 0;
    }
    int space = before.lastIndexOf(' ', same - CONTEXT);
    return space > 0 ? space + 1 : same - CONTEXT;
  }

  private static String value(String field, String value, int from, AdminSiteMessages site) {
    if (value == null || value.isEmpty()) {
      return site.noValue();
    }
    return switch (field) {
      case "purpose" -> Labels.label(Purpose.valueOf(value));
      case "party" -> "THIRD_PARTY".equals(value) ? site.aThirdParty() : site.thisSite();
      case "regionRules" ->
          value.replace("otherwise:", SiteMessages.regions().otherwiseWord() + ":");
      case "storage" ->
          switch (value) {
            case "LOCAL_STORAGE" -> site.storageLOCAL_STORAGE();
            case "SESSION_STORAGE" -> site.storageSESSION_STORAGE();
            default -> site.storageCOOKIE();
          };
      case "required", "wildcard", "sensitive", "httpOnly" ->
          Boolean.parseBoolean(value) ? site.yes() : site.no();
      default -> {
        String shown = from > 0 ? "…" + value.substring(from) : value;
        yield shown.length() > MAX_VALUE ? shown.substring(0, MAX_VALUE) + "…" : shown;
      }
    };
  }
}
