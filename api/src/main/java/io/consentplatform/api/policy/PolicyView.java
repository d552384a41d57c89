package io.consentplatform.api.policy;

import io.consentplatform.api.i18n.Languages;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.policy.PolicySnapshot.CookieEntry;
import io.consentplatform.core.policy.PublishedPolicy;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a cookie policy page shows, already in the visitor's language, so that the template only
 * lays it out.
 */
record PolicyView(
    String siteKey,
    String language,
    String siteName,
    String domains,
    String intro,
    int version,
    String publishedOn,
    List<LanguageLink> otherLanguages,
    List<CategorySection> categories) {

  /** One category: its explanation and the table of its cookies. */
  record CategorySection(
      String key, String name, String description, boolean required, List<CookieRow> cookies) {}

  /** A link to the same page in another language the site offers. */
  record LanguageLink(String code, String name) {}

  /** One row of a category's table. */
  record CookieRow(
      String provider,
      String providerPolicyUrl,
      String functionAndLocation,
      String name,
      String purposes,
      String retention,
      boolean thirdParty) {}

  static PolicyView of(PublishedPolicy policy, String language) {
    PolicySnapshot snapshot = policy.snapshot();
    String fallback = snapshot.site().defaultLanguage();
    List<CategorySection> categories =
        snapshot.categories().stream()
            .map(
                category -> {
                  CategoryText text = category.text(language, fallback);
                  List<CookieRow> rows =
                      snapshot.cookiesIn(category.key()).stream()
                          .map(cookie -> row(snapshot, cookie, language, fallback))
                          .toList();
                  return new CategorySection(
                      category.key(), text.name(), text.description(), category.required(), rows);
                })
            .toList();
    return new PolicyView(
        snapshot.site().key(),
        language,
        snapshot.site().name(),
        String.join(", ", snapshot.site().domains()),
        snapshot.texts(language).policyIntro(),
        policy.number(),
        policy.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
        snapshot.site().languages().stream()
            .filter(l -> !l.equals(language))
            .map(l -> new LanguageLink(l, Languages.nativeName(l)))
            .toList(),
        categories);
  }

  private static CookieRow row(
      PolicySnapshot snapshot, CookieEntry cookie, String language, String fallback) {
    CookieText text = cookie.text(language, fallback);
    String policyUrl =
        snapshot
            .provider(cookie.provider())
            .map(PolicySnapshot.ProviderEntry::privacyPolicyUrl)
            .orElse(null);
    return new CookieRow(
        cookie.provider(),
        policyUrl,
        text.functionAndLocation(),
        cookie.wildcard() ? cookie.name() + "*" : cookie.name(),
        text.purposes(),
        cookie.retention(),
        cookie.party() == Party.THIRD_PARTY);
  }
}
