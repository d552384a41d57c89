package io.consentplatform.core.demo;

import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.site.SiteTexts;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * The shape of {@code demo/town-of-cary.json}: one tenant with one site and its declarations. Read
 * by Jackson, so registered (with its nested records) for the native executable.
 */
@RegisterForReflection
record DemoContent(
    TenantEntry tenant,
    SiteEntry site,
    List<CategoryEntry> categories,
    List<ProviderEntry> providers,
    List<CookieEntry> cookies) {

  record TenantEntry(String slug, String name) {}

  record SiteEntry(
      String key,
      String name,
      List<String> domains,
      List<String> languages,
      String defaultLanguage,
      Map<String, SiteTexts> texts) {}

  record CategoryEntry(
      String key, Purpose purpose, boolean required, Map<String, CategoryText> texts) {}

  record ProviderEntry(String name, String privacyPolicyUrl) {}

  record CookieEntry(
      String name,
      String provider,
      String category,
      Retention retention,
      Party party,
      String domain,
      Map<String, CookieText> texts) {}
}
