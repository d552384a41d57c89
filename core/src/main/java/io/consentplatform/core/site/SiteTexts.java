package io.consentplatform.core.site;

import jakarta.validation.constraints.Size;

/**
 * A site's own wording in one language. Any text left null falls back to the platform's default.
 *
 * @param bannerTitle heading of the banner's first layer
 * @param bannerMessage the banner's explanation of why it asks
 * @param acceptAll label of the button that accepts every category
 * @param rejectAll label of the button that refuses every optional category
 * @param customize label of the button that opens the settings layer
 * @param settingsTitle heading of the settings layer, with one switch per category
 * @param save label of the button that saves the settings layer's choices
 * @param alwaysOn note beside a required category's locked switch
 * @param policyLink label of the link to the cookie policy page
 * @param gpcNotice shown when the browser sends Global Privacy Control: marketing stays off
 * @param policyIntro opening paragraph of the public cookie policy page
 * @param doNotSell label of the link that opens the choices where visitors opt out ("Do Not Sell or
 *     Share My Personal Information")
 * @param dismiss label of the button that closes a notice, where there is nothing to choose
 * @param noticeMessage the notice's text, where cookies run without asking: it must not promise a
 *     choice the visitor is not given
 * @param embedMessage a blocked embed's placeholder text; {@code {category}} stands for the
 *     category's name
 * @param embedLoad label of the placeholder's button that loads this one embed, this time
 * @param embedAllow label of the placeholder's button that allows the embed's category from now on;
 *     {@code {category}} stands for the category's name
 */
public record SiteTexts(
    @Size(max = 200) String bannerTitle,
    @Size(max = 2000) String bannerMessage,
    @Size(max = 60) String acceptAll,
    @Size(max = 60) String rejectAll,
    @Size(max = 60) String customize,
    @Size(max = 200) String settingsTitle,
    @Size(max = 60) String save,
    @Size(max = 60) String alwaysOn,
    @Size(max = 200) String policyLink,
    @Size(max = 1000) String gpcNotice,
    @Size(max = 4000) String policyIntro,
    @Size(max = 200) String doNotSell,
    @Size(max = 60) String dismiss,
    @Size(max = 2000) String noticeMessage,
    @Size(max = 1000) String embedMessage,
    @Size(max = 60) String embedLoad,
    @Size(max = 100) String embedAllow) {

  public static final SiteTexts NONE =
      new SiteTexts(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** Texts written before embed placeholders had any: those fall back to the platform's. */
  public SiteTexts(
      String bannerTitle,
      String bannerMessage,
      String acceptAll,
      String rejectAll,
      String customize,
      String settingsTitle,
      String save,
      String alwaysOn,
      String policyLink,
      String gpcNotice,
      String policyIntro,
      String doNotSell,
      String dismiss,
      String noticeMessage) {
    this(
        bannerTitle,
        bannerMessage,
        acceptAll,
        rejectAll,
        customize,
        settingsTitle,
        save,
        alwaysOn,
        policyLink,
        gpcNotice,
        policyIntro,
        doNotSell,
        dismiss,
        noticeMessage,
        null,
        null,
        null);
  }

  /** These texts, with every missing one taken from {@code fallback}. */
  public SiteTexts over(SiteTexts fallback) {
    return new SiteTexts(
        or(bannerTitle, fallback.bannerTitle),
        or(bannerMessage, fallback.bannerMessage),
        or(acceptAll, fallback.acceptAll),
        or(rejectAll, fallback.rejectAll),
        or(customize, fallback.customize),
        or(settingsTitle, fallback.settingsTitle),
        or(save, fallback.save),
        or(alwaysOn, fallback.alwaysOn),
        or(policyLink, fallback.policyLink),
        or(gpcNotice, fallback.gpcNotice),
        or(policyIntro, fallback.policyIntro),
        or(doNotSell, fallback.doNotSell),
        or(dismiss, fallback.dismiss),
        or(noticeMessage, fallback.noticeMessage),
        or(embedMessage, fallback.embedMessage),
        or(embedLoad, fallback.embedLoad),
        or(embedAllow, fallback.embedAllow));
  }

  private static String or(String own, String fallback) {
    return own != null ? own : fallback;
  }
}
