package io.consentplatform.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.cookie.Storage;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.SiteTexts;
import io.consentplatform.core.site.SiteTheme;
import io.consentplatform.core.site.VendorSignal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a visitor is asked to consent to, frozen at publication: the site's settings, its
 * texts (tenant wording merged over the platform defaults), categories, providers and cookies.
 * Serialised deterministically, so that its hash identifies the content. Providers keep the name
 * they were stored and hashed under ("services"), so that every published version still reads and
 * verifies. The site's declared domains are not part of it: they say where the banner may record
 * decisions, not what visitors consent to, and apply at once ({@code DeclaredDomains}); versions
 * published before still hold them in their stored JSON, which is read past them.
 */
public record PolicySnapshot(
    SiteEntry site,
    Map<String, SiteTexts> texts,
    List<CategoryEntry> categories,
    @JsonProperty("services") List<ProviderEntry> providers,
    List<CookieEntry> cookies) {

  /**
   * The site as it was published. A version published before regions existed reads as asking
   * everyone first and remembering a refusal as long as a consent, which is what its banner did.
   */
  public record SiteEntry(
      String key,
      String name,
      List<String> languages,
      String defaultLanguage,
      int consentLifetimeDays,
      Integer refusalLifetimeDays,
      RegionRules regionRules,
      String cookieDomain,
      List<VendorSignal> signals,
      SiteTheme theme) {

    // Versions published before a setting existed read as what their banner did then.
    public SiteEntry {
      refusalLifetimeDays =
          refusalLifetimeDays == null ? Integer.valueOf(consentLifetimeDays) : refusalLifetimeDays;
      regionRules = regionRules == null ? RegionRules.EVERYWHERE_OPT_IN : regionRules;
      signals = signals == null ? List.of(VendorSignal.GOOGLE) : List.copyOf(signals);
      theme = theme == null ? SiteTheme.PLATFORM : theme;
    }

    public SiteEntry(
        String key,
        String name,
        List<String> languages,
        String defaultLanguage,
        int consentLifetimeDays,
        Integer refusalLifetimeDays,
        RegionRules regionRules) {
      this(
          key,
          name,
          languages,
          defaultLanguage,
          consentLifetimeDays,
          refusalLifetimeDays,
          regionRules,
          null,
          null,
          null);
    }
  }

  /**
   * A category with its texts per language.
   *
   * @param sensitive stays opt-in where visitors otherwise opt out ({@code Category#sensitive})
   */
  public record CategoryEntry(
      String key,
      Purpose purpose,
      boolean required,
      boolean sensitive,
      Map<String, CategoryText> texts) {

    /** The text in {@code language}, else in the site's default language. */
    public CategoryText text(String language, String fallback) {
      return texts.containsKey(language) ? texts.get(language) : texts.get(fallback);
    }
  }

  /** A provider. */
  public record ProviderEntry(String name, String privacyPolicyUrl) {}

  /**
   * A cookie, naming its provider and category by their keys. Versions published before retention
   * had a unit hold it as one string, which {@link Retention#fromText(String)} reads.
   */
  public record CookieEntry(
      String name,
      boolean wildcard,
      @JsonProperty("service") String provider,
      String category,
      Retention retention,
      Party party,
      String domain,
      Map<String, CookieText> texts,
      Storage storage,
      boolean httpOnly) {

    public CookieEntry {
      storage = storage == null ? Storage.COOKIE : storage;
    }

    /** The text in {@code language}, else in the site's default language. */
    public CookieText text(String language, String fallback) {
      return texts.containsKey(language) ? texts.get(language) : texts.get(fallback);
    }
  }

  /**
   * Whether {@code choices} refuse every optional category of this version: a refusal, remembered
   * for the site's refusal interval rather than its consent lifetime. A version without optional
   * categories has nothing to refuse.
   */
  public boolean refusesEveryOptional(Map<String, Boolean> choices) {
    List<CategoryEntry> optional = categories.stream().filter(c -> !c.required()).toList();
    return !optional.isEmpty()
        && optional.stream().noneMatch(c -> Boolean.TRUE.equals(choices.get(c.key())));
  }

  public Optional<CategoryEntry> category(String key) {
    return categories.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  public List<CookieEntry> cookiesIn(String categoryKey) {
    return cookies.stream().filter(c -> c.category().equals(categoryKey)).toList();
  }

  public Optional<ProviderEntry> provider(String name) {
    return providers.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The texts in {@code language}; the site's default language when it does not offer it. */
  public SiteTexts texts(String language) {
    return texts.containsKey(language) ? texts.get(language) : texts.get(site.defaultLanguage());
  }
}
