package io.consentplatform.core.site;

/**
 * A site's own wording in one language. Any text left null falls back to the platform's default.
 *
 * @param bannerTitle heading of the banner's first layer
 * @param bannerMessage the banner's explanation of why it asks
 * @param policyIntro opening paragraph of the public cookie policy page
 */
public record SiteTexts(String bannerTitle, String bannerMessage, String policyIntro) {

  public static final SiteTexts NONE = new SiteTexts(null, null, null);

  /** These texts, with every missing one taken from {@code fallback}. */
  public SiteTexts over(SiteTexts fallback) {
    return new SiteTexts(
        bannerTitle != null ? bannerTitle : fallback.bannerTitle,
        bannerMessage != null ? bannerMessage : fallback.bannerMessage,
        policyIntro != null ? policyIntro : fallback.policyIntro);
  }
}
