package io.consentplatform.api.policy;

import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.RetentionFormat;
import io.consentplatform.core.policy.LocalizedCategory;
import io.consentplatform.core.policy.LocalizedCategory.LocalizedCookie;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.policy.PolicySnapshot.CookieEntry;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.site.DataController;
import io.consentplatform.core.text.Languages;
import io.quarkus.qute.TemplateData;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * What a cookie policy page shows, already in the visitor's language, so that the template only
 * lays it out.
 *
 * <p>Public, with its parts, and {@code @TemplateData}: Qute generates resolvers only for what its
 * checks see a template read, and missed the language its layout's block reads; the JVM found it by
 * reflection, the native executable does not: its policy page answered 500 there.
 */
@TemplateData
public record PolicyView(
    String siteKey,
    String language,
    String siteName,
    String domains,
    String intro,
    int version,
    String publishedOn,
    List<LanguageLink> otherLanguages,
    List<CategorySection> categories,
    List<ChoicesByRegion> choicesByRegion,
    DataController controller,
    String changeChoiceUrl,
    List<Unremovable> unremovable) {

  /** One category: its explanation and the table of its cookies. */
  @TemplateData
  public record CategorySection(
      String key, String name, String description, boolean required, List<CookieRow> cookies) {}

  /**
   * A cookie of a category the visitor may refuse that the banner cannot remove from script, and so
   * the visitor has to: one the server sets with HttpOnly, or one another site sets.
   *
   * @param domain where it lives, when declared (the browser's settings list cookies by site)
   * @param providerPolicyUrl where a third party explains its own choices, when known
   */
  @TemplateData
  public record Unremovable(
      String name,
      String category,
      String provider,
      String domain,
      boolean thirdParty,
      String providerPolicyUrl) {}

  /** A link to the same page in another language the site offers. */
  @TemplateData
  public record LanguageLink(String code, String name) {}

  /** One row of a category's table. */
  @TemplateData
  public record CookieRow(
      String provider,
      String providerPolicyUrl,
      String functionAndLocation,
      String name,
      String purposes,
      String retention,
      boolean thirdParty) {}

  /**
   * The page of {@code policy} in {@code language}, with what the site's current settings say
   * rather than the version: its domains and its data controller.
   *
   * @param domains the site's declared domains now
   * @param controller who is responsible (shown when given)
   * @param changeChoiceUrl the way back to the site with its cookie settings open, or null when the
   *     page was not opened from one of the site's pages
   */
  static PolicyView of(
      PublishedPolicy policy,
      String language,
      List<String> domains,
      DataController controller,
      String changeChoiceUrl) {
    PolicySnapshot snapshot = policy.snapshot();
    List<CategorySection> categories =
        LocalizedCategory.of(snapshot, language).stream()
            .map(
                localized ->
                    new CategorySection(
                        localized.category().key(),
                        localized.text().name(),
                        localized.text().description(),
                        localized.category().required(),
                        localized.cookies().stream()
                            .map(cookie -> row(snapshot, cookie, language))
                            .toList()))
            .toList();
    return new PolicyView(
        snapshot.site().key(),
        language,
        snapshot.site().name(),
        String.join(", ", named(domains)),
        snapshot.texts(language).policyIntro(),
        policy.number(),
        policy.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
        snapshot.site().languages().stream()
            .filter(l -> !l.equals(language))
            .map(l -> new LanguageLink(l, Languages.nativeName(l)))
            .toList(),
        categories,
        ChoicesByRegion.of(snapshot, language),
        controller,
        changeChoiceUrl,
        LocalizedCategory.of(snapshot, language).stream()
            .filter(localized -> !localized.category().required())
            .flatMap(
                localized ->
                    localized.cookies().stream()
                        .filter(cookie -> unremovable(cookie.cookie()))
                        .map(cookie -> unremovable(snapshot, localized, cookie)))
            .toList());
  }

  // The same line the banner's configuration draws (BannerConfig.erasable), from the other side.
  private static boolean unremovable(CookieEntry cookie) {
    return cookie.party() == Party.THIRD_PARTY || cookie.httpOnly();
  }

  private static Unremovable unremovable(
      PolicySnapshot snapshot, LocalizedCategory category, LocalizedCookie localized) {
    CookieEntry cookie = localized.cookie();
    return new Unremovable(
        localized.displayName(),
        category.text().name(),
        cookie.provider(),
        cookie.domain(),
        cookie.party() == Party.THIRD_PARTY,
        snapshot
            .provider(cookie.provider())
            .map(PolicySnapshot.ProviderEntry::privacyPolicyUrl)
            .orElse(null));
  }

  /**
   * The domains the page names to its readers: a name only this machine resolves ({@code
   * localhost}, {@code *.localhost}, such as the demo's copy of its portal) means nothing to a
   * visitor, so it is left out unless there is nothing else.
   */
  static List<String> named(List<String> domains) {
    List<String> reachable =
        domains.stream()
            .filter(
                d -> {
                  String host = d.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
                  return !host.equals("localhost") && !host.endsWith(".localhost");
                })
            .toList();
    return reachable.isEmpty() ? domains : reachable;
  }

  private static CookieRow row(
      PolicySnapshot snapshot, LocalizedCookie localized, String language) {
    CookieEntry cookie = localized.cookie();
    String policyUrl =
        snapshot
            .provider(cookie.provider())
            .map(PolicySnapshot.ProviderEntry::privacyPolicyUrl)
            .orElse(null);
    return new CookieRow(
        cookie.provider(),
        policyUrl,
        localized.text().functionAndLocation(),
        localized.displayName(),
        localized.text().purposes(),
        RetentionFormat.format(cookie.retention(), language, snapshot.site().defaultLanguage()),
        cookie.party() == Party.THIRD_PARTY);
  }
}
