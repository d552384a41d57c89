package io.consentplatform.core.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.RetentionFormat;
import io.consentplatform.core.cookie.Storage;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.Region;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.SiteTexts;
import io.consentplatform.core.site.SiteTheme;
import io.consentplatform.core.site.VendorSignal;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * What the banner script needs to ask a visitor, in one language: the version it asks about, the
 * categories with their cookies, and the texts. The banner asks again a visitor whose decision was
 * made on a version older than {@code consentRevision}, the latest version that changed what
 * visitors agree to ({@link ReconsentRule}); decisions name the exact {@code version} shown.
 *
 * <p>It is the published version's, for visitors, or the draft's, for the back office's preview
 * (version 0, no hash): both are built here so that the preview shows exactly what visitors will
 * see.
 *
 * <p>It is built for one visitor's region: {@code experience} is what the version's rules give that
 * region ({@link RegionRules}), and the configuration is cached per experience, never per visitor.
 *
 * @param experience what the banner does for this visitor (opt-in, opt-out, notice, none)
 * @param refusalLifetimeDays how long a refusal of every optional category is remembered
 * @param policyPath path of the cookie policy page on this API, in the same language
 * @param cookieDomain the parent domain the preference cookie is written on; null: the page's host
 * @param signals the vendors' consent interfaces told of the choice
 * @param theme how the banner looks
 */
public record BannerConfig(
    String site,
    int version,
    int consentRevision,
    String hash,
    String language,
    List<String> languages,
    Experience experience,
    int consentLifetimeDays,
    int refusalLifetimeDays,
    String policyPath,
    SiteTexts texts,
    List<CategoryView> categories,
    String cookieDomain,
    List<VendorSignal> signals,
    SiteTheme theme) {

  /**
   * A category as the banner shows it.
   *
   * @param erase what the banner removes from the browser when the category is refused: its
   *     declared first-party cookies that script can reach, and its storage keys
   */
  public record CategoryView(
      String key,
      Purpose purpose,
      boolean required,
      boolean sensitive,
      String name,
      String description,
      List<CookieView> cookies,
      List<Erasable> erase) {}

  /**
   * A declared item the banner can remove: a cookie (or, when {@code wildcard}, every cookie whose
   * name starts with {@code name}), which the script expires on the page's host and each of its
   * parents (the only domains a page reaches, so a declared domain adds nothing); or a localStorage
   * or sessionStorage key ({@code storage}, null for a cookie).
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record Erasable(String name, boolean wildcard, Storage storage) {}

  /**
   * A cookie as the settings layer lists it ("service": the field the banner script reads), its
   * retention written out in the configuration's language.
   */
  public record CookieView(
      String name, @JsonProperty("service") String provider, String purposes, String retention) {}

  // The document's one serialisation, for visitors and for the back office's preview alike. Its own
  // mapper: tuning the REST layer's JSON or the stored snapshots' must not change the banner.
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The JSON document the banner script reads, exactly as it is served. */
  public byte[] json() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration for a visitor whose region is unknown: the rules' {@code otherwise}. */
  public static BannerConfig of(PublishedPolicy policy, String language) {
    return of(policy, language, experienceFor(policy.snapshot(), Optional.empty()));
  }

  /** The configuration for a visitor who gets {@code experience}. */
  public static BannerConfig of(PublishedPolicy policy, String language, Experience experience) {
    return of(
        policy.snapshot(),
        policy.number(),
        policy.consentRevision(),
        policy.contentHash(),
        language,
        experience);
  }

  /** The configuration of a draft that is not published yet, for a visitor from {@code region}. */
  public static BannerConfig ofDraft(
      PolicySnapshot draft, String language, Optional<Region> region) {
    return of(draft, 0, 0, null, language, experienceFor(draft, region));
  }

  /** The configuration of a draft, for a visitor whose region is unknown. */
  public static BannerConfig ofDraft(PolicySnapshot draft, String language) {
    return ofDraft(draft, language, Optional.empty());
  }

  /** What the snapshot's rules give a visitor from {@code region}. */
  public static Experience experienceFor(PolicySnapshot snapshot, Optional<Region> region) {
    return snapshot.site().regionRules().experienceFor(region);
  }

  private static BannerConfig of(
      PolicySnapshot snapshot,
      int number,
      int consentRevision,
      String hash,
      String language,
      Experience experience) {
    List<CategoryView> categories =
        LocalizedCategory.of(snapshot, language).stream()
            .map(
                localized ->
                    new CategoryView(
                        localized.category().key(),
                        localized.category().purpose(),
                        localized.category().required(),
                        localized.category().sensitive(),
                        localized.text().name(),
                        localized.text().description(),
                        localized.cookies().stream()
                            .map(
                                cookie ->
                                    new CookieView(
                                        cookie.displayName(),
                                        cookie.cookie().provider(),
                                        cookie.text().purposes(),
                                        RetentionFormat.format(
                                            cookie.cookie().retention(),
                                            language,
                                            snapshot.site().defaultLanguage())))
                            .toList(),
                        localized.cookies().stream()
                            .map(LocalizedCategory.LocalizedCookie::cookie)
                            .filter(BannerConfig::erasable)
                            .map(
                                cookie ->
                                    new Erasable(
                                        cookie.name(),
                                        cookie.wildcard(),
                                        // A cookie, the common case, goes without saying.
                                        cookie.storage() == Storage.COOKIE
                                            ? null
                                            : cookie.storage()))
                            .toList()))
            .toList();
    return new BannerConfig(
        snapshot.site().key(),
        number,
        consentRevision,
        hash,
        language,
        snapshot.site().languages(),
        experience,
        snapshot.site().consentLifetimeDays(),
        snapshot.site().refusalLifetimeDays(),
        "/sites/" + snapshot.site().key() + "/cookie-policy?lang=" + language,
        snapshot.texts(language),
        categories,
        snapshot.site().cookieDomain(),
        snapshot.site().signals(),
        snapshot.site().theme());
  }

  // What script cannot reach stays out: another site's cookies and HttpOnly ones (the policy page
  // tells the visitor how to remove those).
  private static boolean erasable(PolicySnapshot.CookieEntry cookie) {
    return cookie.party() != Party.THIRD_PARTY && !cookie.httpOnly();
  }
}
