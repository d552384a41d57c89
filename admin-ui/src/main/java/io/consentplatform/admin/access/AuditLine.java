package io.consentplatform.admin.access;

import io.consentplatform.admin.Labels;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.AdminMessages;
import io.consentplatform.admin.i18n.AdminSiteMessages;
import io.consentplatform.core.audit.AuditView;
import io.consentplatform.core.audit.FieldChange;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.cookie.RetentionFormat;
import io.consentplatform.core.db.DomainJson;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One change of the audit trail as a person reads it, in their language: what was done to which
 * object, named ("Cookie _ga", "Banner texts of site Town of Cary (fr)"), and each field it changed
 * with its old and new values ("Retention '2 weeks' → '13 months'"), long values shortened.
 */
public record AuditLine(
    Instant recordedAt,
    String actor,
    String actorId,
    String action,
    String subject,
    List<String> changes) {

  /** Longer values are cut here: the trail says what changed, the API keeps every character. */
  static final int LONGEST_VALUE = 80;

  /** The fields of the objects the trail holds, by their names in the API's views. */
  private static final Map<String, Function<Words, String>> FIELDS =
      Map.ofEntries(
          Map.entry("name", w -> w.admin.fieldName()),
          Map.entry("key", w -> w.admin.fieldKey()),
          Map.entry("domains", w -> w.admin.fieldDomains()),
          Map.entry("languages", w -> w.admin.fieldLanguages()),
          Map.entry("defaultLanguage", w -> w.admin.fieldDefaultLanguage()),
          Map.entry("consentLifetimeDays", w -> w.admin.consentLifetime()),
          Map.entry("email", w -> w.admin.email()),
          Map.entry("role", w -> w.admin.roleHeader()),
          Map.entry("subject", w -> w.admin.signsInAs()),
          Map.entry("prefix", w -> w.admin.startsWith()),
          Map.entry("revoked", w -> w.admin.revoked()),
          Map.entry("bannerTitle", w -> w.admin.textBannerTitle()),
          Map.entry("bannerMessage", w -> w.admin.textBannerMessage()),
          Map.entry("acceptAll", w -> w.admin.textAcceptAll()),
          Map.entry("rejectAll", w -> w.admin.textRejectAll()),
          Map.entry("customize", w -> w.admin.textCustomize()),
          Map.entry("settingsTitle", w -> w.admin.textSettingsTitle()),
          Map.entry("save", w -> w.admin.textSave()),
          Map.entry("alwaysOn", w -> w.admin.textAlwaysOn()),
          Map.entry("policyLink", w -> w.admin.textPolicyLink()),
          Map.entry("gpcNotice", w -> w.admin.textGpcNotice()),
          Map.entry("policyIntro", w -> w.admin.textPolicyIntro()),
          Map.entry("category", w -> w.site.fieldCategory()),
          Map.entry("provider", w -> w.site.fieldProvider()),
          Map.entry("purposes", w -> w.site.fieldPurposes()),
          Map.entry("retention", w -> w.site.fieldRetention()),
          Map.entry("party", w -> w.site.fieldSetBy()),
          Map.entry("functionAndLocation", w -> w.site.fieldFunctionAndLocation()),
          Map.entry("wildcard", w -> w.site.wildcardLabel()),
          Map.entry("position", w -> w.site.fieldPosition()),
          Map.entry("privacyPolicyUrl", w -> w.site.privacyPolicy()),
          Map.entry("purpose", w -> w.site.fieldPurpose()),
          Map.entry("required", w -> w.site.fieldRequired()),
          Map.entry("description", w -> w.site.fieldDescription()),
          Map.entry("domain", w -> w.site.fieldDomain()),
          Map.entry("number", w -> w.site.version()),
          Map.entry("hash", w -> w.site.contentHash()));

  /** The back office's two bundles in the person's language. */
  private record Words(AdminMessages admin, AdminSiteMessages site) {}

  /** The change as the audit page shows it, in the current request's language. */
  static AuditLine of(AuditView change) {
    String language = AdminLanguage.current().code();
    Words words =
        new Words(
            AdminLanguage.current().messages(),
            MessageBundles.get(AdminSiteMessages.class, Localized.Literal.of(language)));
    List<String> changes = new ArrayList<>();
    // A deletion is named; listing every field the object had would bury the trail.
    if (change.after() != null) {
      boolean retentionTold = false;
      for (FieldChange field : change.changes()) {
        if (change.entity().equals("cookie") && field.path().get(0).equals("retention")) {
          // A retention reads as a whole ("2 weeks" → "13 months"), not as its unit and amount.
          if (!retentionTold) {
            changes.add(retention(change, language, words));
            retentionTold = true;
          }
        } else {
          changes.add(describe(field, words));
        }
      }
    }
    return new AuditLine(
        change.recordedAt(),
        change.shownActor(),
        change.actor(),
        action(change.action(), words.admin),
        subject(change, words.admin),
        changes);
  }

  private static String action(String action, AdminMessages words) {
    return switch (action) {
      case "create" -> words.auditCreate();
      case "update" -> words.auditUpdate();
      case "delete" -> words.auditDelete();
      case "publish" -> words.auditPublish();
      case "revoke" -> words.auditRevoke();
      case "erase" -> words.auditErase();
      case "import" -> words.auditImport();
      default -> action;
    };
  }

  /** The object changed, by its kind and its name in the view (after, else before). */
  private static String subject(AuditView change, AdminMessages words) {
    Map<String, Object> view = change.after() != null ? change.after() : change.before();
    String name = view == null ? null : text(view, "name", "email", "key", "slug");
    String id = change.entityId() == null ? "" : change.entityId();
    return switch (change.entity()) {
      case "cookie" -> words.auditCookie(name);
      case "provider" -> words.auditProvider(name);
      case "category" -> words.auditCategory(name);
      case "site" -> words.auditSite(name);
      case "banner-texts" -> words.auditBannerTexts(text(view, "site"), text(view, "language"));
      case "member" -> words.auditMember(name);
      case "api-key" -> words.auditApiKey(name);
      case "policy-version" -> words.auditPolicyVersion(text(view, "number"));
      case "visitor" -> words.auditVisitor();
      case "retention" -> words.auditRetention();
      case "cookies" -> words.auditCookies();
      case "tenant" -> words.auditTenant(name);
      default -> (change.entity() + " " + id).strip();
    };
  }

  private static String describe(FieldChange change, Words words) {
    String field = field(change.path(), words);
    if (change.before() == null) {
      return words.admin.auditSet(field, value(change, change.after(), words));
    }
    if (change.after() == null) {
      return words.admin.auditCleared(field, value(change, change.before(), words));
    }
    return words.admin.auditChanged(
        field, value(change, change.before(), words), value(change, change.after(), words));
  }

  private static String retention(AuditView change, String language, Words words) {
    String field = words.site.fieldRetention();
    String before = retentionOf(change.before(), language);
    String after = retentionOf(change.after(), language);
    return before == null
        ? words.admin.auditSet(field, after)
        : words.admin.auditChanged(field, before, after);
  }

  private static String retentionOf(Map<String, Object> cookie, String language) {
    Object value = cookie == null ? null : cookie.get("retention");
    if (value == null) {
      return null;
    }
    Retention retention = DomainJson.mapper().convertValue(value, Retention.class);
    return shorten(RetentionFormat.format(retention, language, language));
  }

  /**
   * The field's label; a field inside a map of languages says which one: {@code texts.fr.purposes}
   * reads "Purposes (fr)". A field of no known label keeps its name.
   */
  private static String field(List<String> path, Words words) {
    String leaf = path.get(path.size() - 1);
    Function<Words, String> label = FIELDS.get(leaf);
    String name = label == null ? leaf : label.apply(words);
    List<String> within =
        path.subList(0, path.size() - 1).stream().filter(p -> !p.equals("texts")).toList();
    return within.isEmpty() ? name : name + " (" + String.join(", ", within) + ")";
  }

  private static String value(FieldChange change, Object value, Words words) {
    if (value instanceof Boolean yes) {
      return yes ? words.site.yes() : words.site.no();
    }
    if (value instanceof Collection<?> list) {
      return shorten(list.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    return shorten(enumLabel(change.field(), String.valueOf(value), words));
  }

  /** Roles, purposes and parties as the pages name them; other values as they were stored. */
  private static String enumLabel(String field, String value, Words words) {
    try {
      return switch (field) {
        case "role" -> Labels.roleLabel(value);
        case "purpose" -> Labels.label(Purpose.valueOf(value));
        case "party" ->
            "THIRD_PARTY".equals(value) ? words.site.aThirdParty() : words.site.thisSite();
        default -> value;
      };
    } catch (IllegalArgumentException unknown) {
      return value;
    }
  }

  static String shorten(String value) {
    String oneLine = value.strip().replaceAll("\\s+", " ");
    return oneLine.codePointCount(0, oneLine.length()) <= LONGEST_VALUE
        ? oneLine
        : oneLine.substring(0, oneLine.offsetByCodePoints(0, LONGEST_VALUE - 1)) + "…";
  }

  private static String text(Map<String, Object> view, String... fields) {
    if (view == null) {
      return "";
    }
    for (String field : fields) {
      Object value = view.get(field);
      if (value != null) {
        return String.valueOf(value);
      }
    }
    return "";
  }
}
