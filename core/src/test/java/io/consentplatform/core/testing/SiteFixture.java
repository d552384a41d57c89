package io.consentplatform.core.testing;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Provider;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates a tenant with one site for a test: categories {@code necessary} (required), {@code
 * statistics} and {@code marketing}, one provider, one cookie in each category, texts in English
 * and French. Keys are the caller's, so that tests never share a site.
 */
public final class SiteFixture {

  private SiteFixture() {}

  /** Creates the site, served under {@code <siteKey>.example}, and returns its id. */
  public static long create(String siteKey) {
    return create(siteKey, List.of(siteKey + ".example"));
  }

  /** Creates the site, served under {@code domains}, in its own transaction; returns its id. */
  public static long create(String siteKey, List<String> domains) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Tenant tenant = Tenant.create("t-" + siteKey, "Tenant of " + siteKey);
              Site site = new Site();
              site.tenant = tenant;
              site.key = siteKey;
              site.name = "Site " + siteKey;
              site.domains = domains;
              site.languages = List.of("en", "fr");
              site.defaultLanguage = "en";
              site.persist();
              Provider provider = new Provider();
              provider.site = site;
              provider.name = "Analytics Inc.";
              provider.persist();
              int position = 0;
              for (Purpose purpose :
                  List.of(Purpose.NECESSARY, Purpose.STATISTICS, Purpose.MARKETING)) {
                Category category = new Category();
                category.site = site;
                category.key = purpose.name().toLowerCase();
                category.purpose = purpose;
                category.required = purpose == Purpose.NECESSARY;
                category.position = position++;
                category.texts =
                    new TreeMap<>(
                        Map.of(
                            "en", new CategoryText("EN " + category.key, "About " + category.key),
                            "fr", new CategoryText("FR " + category.key, "À propos")));
                category.persist();
                Cookie cookie = new Cookie();
                cookie.site = site;
                cookie.provider = provider;
                cookie.category = category;
                cookie.name = category.key + "_cookie";
                cookie.setRetention(Retention.of(1, Retention.Unit.DAYS));
                cookie.party = Party.FIRST_PARTY;
                cookie.texts =
                    new TreeMap<>(
                        Map.of(
                            "en", new CookieText("Everywhere", "For " + category.key),
                            "fr", new CookieText("Partout", "Pour " + category.key)));
                cookie.persist();
              }
              return site.id;
            });
  }
}
