package io.consentplatform.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.RetentionFormat;
import io.consentplatform.core.site.SiteTexts;
import java.io.UncheckedIOException;
import java.util.List;

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
 * @param policyPath path of the cookie policy page on this API, in the same language
 */
public record BannerConfig(
    String site,
    int version,
    int consentRevision,
    String hash,
    String language,
    List<String> languages,
    int consentLifetimeDays,
    String policyPath,
    SiteTexts texts,
    List<CategoryView> categories) {

  /** A category as the banner shows it. */
  public record CategoryView(
      String key,
      Purpose purpose,
      boolean required,
      String name,
      String description,
      List<CookieView> cookies) {}

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

  public static BannerConfig of(PublishedPolicy policy, String language) {
    return of(
        policy.snapshot(),
        policy.number(),
        policy.consentRevision(),
        policy.contentHash(),
        language);
  }

  /** The configuration of a draft that is not published yet. */
  public static BannerConfig ofDraft(PolicySnapshot draft, String language) {
    return of(draft, 0, 0, null, language);
  }

  private static BannerConfig of(
      PolicySnapshot snapshot, int number, int consentRevision, String hash, String language) {
    List<CategoryView> categories =
        LocalizedCategory.of(snapshot, language).stream()
            .map(
                localized ->
                    new CategoryView(
                        localized.category().key(),
                        localized.category().purpose(),
                        localized.category().required(),
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
                            .toList()))
            .toList();
    return new BannerConfig(
        snapshot.site().key(),
        number,
        consentRevision,
        hash,
        language,
        snapshot.site().languages(),
        snapshot.site().consentLifetimeDays(),
        "/sites/" + snapshot.site().key() + "/cookie-policy?lang=" + language,
        snapshot.texts(language),
        categories);
  }
}
