package io.consentplatform.core.policy;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.Provider;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.policy.PolicySnapshot.CategoryEntry;
import io.consentplatform.core.policy.PolicySnapshot.CookieEntry;
import io.consentplatform.core.policy.PolicySnapshot.ProviderEntry;
import io.consentplatform.core.policy.PolicySnapshot.SiteEntry;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteTexts;
import io.consentplatform.core.text.PlatformTexts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Freezes a site's current declarations into a {@link PolicySnapshot}, checking they are whole. */
final class SnapshotBuilder {

  private SnapshotBuilder() {}

  static PolicySnapshot snapshotOf(Site site) {
    return snapshotOf(site, true);
  }

  /**
   * @param toPublish whether the snapshot is to be published, which needs a category; the banner's
   *     preview shows a site's texts before it has any
   */
  static PolicySnapshot snapshotOf(Site site, boolean toPublish) {
    if (!site.offers(site.defaultLanguage)) {
      throw new Rejected("defaultLanguage", "The default language must be one of the site's");
    }
    List<Category> categories = Category.listForSite(site);
    if (toPublish && categories.isEmpty()) {
      throw new Rejected("categories", "A site needs at least one category to publish");
    }
    List<CategoryEntry> categoryEntries =
        categories.stream()
            .map(
                c -> {
                  requireText(c.texts, site.defaultLanguage, "category " + c.key);
                  return new CategoryEntry(
                      c.key, c.purpose, c.required, c.sensitive, new TreeMap<>(c.texts));
                })
            .toList();
    List<ProviderEntry> providers =
        Provider.listForSite(site).stream()
            .map(s -> new ProviderEntry(s.name, s.privacyPolicyUrl))
            .toList();
    List<CookieEntry> cookies =
        Cookie.listForSite(site).stream()
            .map(
                c -> {
                  requireText(c.texts, site.defaultLanguage, "cookie " + c.name);
                  return new CookieEntry(
                      c.name,
                      c.wildcard,
                      c.provider.name,
                      c.category.key,
                      c.retention(),
                      c.party,
                      c.domain,
                      new TreeMap<>(c.texts),
                      c.storage,
                      c.httpOnly);
                })
            .toList();
    Map<String, SiteTexts> texts = new TreeMap<>();
    for (String language : site.languages) {
      texts.put(
          language,
          site.texts.getOrDefault(language, SiteTexts.NONE).over(PlatformTexts.defaults(language)));
    }
    SiteEntry siteEntry =
        new SiteEntry(
            site.key,
            site.name,
            List.copyOf(site.languages),
            site.defaultLanguage,
            site.consentLifetimeDays,
            site.refusalLifetimeDays,
            site.regionRules,
            site.cookieDomain,
            List.copyOf(site.vendorSignals),
            site.theme);
    return new PolicySnapshot(siteEntry, texts, categoryEntries, providers, cookies);
  }

  private static void requireText(Map<String, ?> texts, String language, String owner) {
    if (!texts.containsKey(language)) {
      throw new Rejected(
          "texts", "The " + owner + " has no text in the default language " + language);
    }
  }
}
