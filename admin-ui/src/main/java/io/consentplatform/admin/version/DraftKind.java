package io.consentplatform.admin.version;

import io.consentplatform.admin.Labels;
import io.consentplatform.admin.i18n.AdminSiteMessages;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.policy.MaterialChange;
import io.consentplatform.core.policy.PolicyDiff;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.policy.VersionService;
import java.util.stream.Collectors;

/**
 * What publishing the draft does to visitors, as the versions page says it before anyone publishes:
 * they are asked again, and why, or they keep their choices, and why.
 *
 * @param asksAgain whether publishing asks visitors again without being forced to
 * @param text the sentence that says so, in the person's language
 */
public record DraftKind(boolean asksAgain, String text) {

  static DraftKind of(VersionService.Draft draft, PolicyDiff changes, String language) {
    AdminSiteMessages texts = SiteMessages.current();
    if (draft.latest() == null) {
      return new DraftKind(true, texts.kindFirst());
    }
    if (draft.reconsent()) {
      return new DraftKind(
          true,
          texts.kindAsksAgain(
              draft.materialChanges().stream()
                  .map(change -> reason(change, draft.snapshot(), language, texts))
                  .collect(Collectors.joining("; "))));
    }
    return new DraftKind(false, textsOnly(changes) ? texts.kindQuietTexts() : texts.kindQuiet());
  }

  private static String reason(
      MaterialChange change, PolicySnapshot draft, String language, AdminSiteMessages texts) {
    String category =
        draft
            .category(change.category())
            .map(c -> c.text(language, draft.site().defaultLanguage()).name())
            .orElse(change.category());
    String cookie = change.subject();
    return switch (change.kind()) {
      case NEW_CATEGORY -> texts.reasonNewCategory(category);
      case CATEGORY_PURPOSE ->
          texts.reasonCategoryPurpose(
              category,
              Labels.label(Purpose.valueOf(change.before())),
              Labels.label(Purpose.valueOf(change.after())));
      case CATEGORY_REQUIRED ->
          Boolean.parseBoolean(change.after())
              ? texts.reasonCategoryRequired(category)
              : texts.reasonCategoryOptional(category);
      case NEW_COOKIE -> texts.reasonNewCookie(cookie, category);
      case COOKIE_CATEGORY -> texts.reasonCookieCategory(cookie, category);
      case COOKIE_PROVIDER -> texts.reasonCookieProvider(cookie, change.before(), change.after());
      case COOKIE_RETENTION -> texts.reasonCookieRetention(cookie, change.before(), change.after());
      case COOKIE_WILDCARD -> texts.reasonCookieWildcard(cookie);
      case COOKIE_THIRD_PARTY -> texts.reasonCookieThirdParty(cookie);
      case CATEGORY_SENSITIVE -> SiteMessages.regions().reasonCategorySensitive(category);
      case REGION_OPT_IN ->
          "otherwise".equals(change.subject())
              ? SiteMessages.regions().reasonOtherwiseOptIn()
              : SiteMessages.regions().reasonRegionOptIn(change.subject());
    };
  }

  /** Whether the draft changes nothing but wording: texts in any language and the site's name. */
  private static boolean textsOnly(PolicyDiff changes) {
    return changes.categories().added().isEmpty()
        && changes.categories().removed().isEmpty()
        && changes.providers().added().isEmpty()
        && changes.providers().removed().isEmpty()
        && changes.cookies().added().isEmpty()
        && changes.cookies().removed().isEmpty()
        && changes.fields().stream()
            .allMatch(
                f -> f.language() != null || (f.item().equals("site") && f.field().equals("name")));
  }
}
