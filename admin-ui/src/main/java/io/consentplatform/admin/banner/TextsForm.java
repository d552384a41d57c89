package io.consentplatform.admin.banner;

import io.consentplatform.admin.FormValues;
import io.consentplatform.admin.i18n.AdminMessages;
import io.consentplatform.core.site.SiteTexts;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;

/** A site's banner and policy-page texts in one language, as the form sends them. */
public class TextsForm {

  /**
   * One text of the form: its field, label (in the person's language), where SiteTexts keeps it.
   */
  public record Field(
      String name,
      Function<AdminMessages, String> label,
      boolean multiline,
      Function<SiteTexts, String> read) {}

  /** In the order the banner shows them; the names are those of {@link SiteTexts}. */
  static final List<Field> FIELDS =
      List.of(
          new Field("bannerTitle", AdminMessages::textBannerTitle, false, SiteTexts::bannerTitle),
          new Field(
              "bannerMessage", AdminMessages::textBannerMessage, true, SiteTexts::bannerMessage),
          new Field("acceptAll", AdminMessages::textAcceptAll, false, SiteTexts::acceptAll),
          new Field("rejectAll", AdminMessages::textRejectAll, false, SiteTexts::rejectAll),
          new Field("customize", AdminMessages::textCustomize, false, SiteTexts::customize),
          new Field(
              "settingsTitle", AdminMessages::textSettingsTitle, false, SiteTexts::settingsTitle),
          new Field("save", AdminMessages::textSave, false, SiteTexts::save),
          new Field("alwaysOn", AdminMessages::textAlwaysOn, false, SiteTexts::alwaysOn),
          new Field("policyLink", AdminMessages::textPolicyLink, false, SiteTexts::policyLink),
          new Field("doNotSell", AdminMessages::textDoNotSell, false, SiteTexts::doNotSell),
          new Field("dismiss", AdminMessages::textDismiss, false, SiteTexts::dismiss),
          new Field(
              "noticeMessage", AdminMessages::textNoticeMessage, true, SiteTexts::noticeMessage),
          new Field("embedMessage", AdminMessages::textEmbedMessage, true, SiteTexts::embedMessage),
          new Field("embedLoad", AdminMessages::textEmbedLoad, false, SiteTexts::embedLoad),
          new Field("embedAllow", AdminMessages::textEmbedAllow, false, SiteTexts::embedAllow),
          new Field("gpcNotice", AdminMessages::textGpcNotice, true, SiteTexts::gpcNotice),
          new Field("policyIntro", AdminMessages::textPolicyIntro, true, SiteTexts::policyIntro));

  @RestForm public String bannerTitle;
  @RestForm public String bannerMessage;
  @RestForm public String acceptAll;
  @RestForm public String rejectAll;
  @RestForm public String customize;
  @RestForm public String settingsTitle;
  @RestForm public String save;
  @RestForm public String alwaysOn;
  @RestForm public String policyLink;
  @RestForm public String gpcNotice;
  @RestForm public String policyIntro;
  @RestForm public String doNotSell;
  @RestForm public String dismiss;
  @RestForm public String noticeMessage;
  @RestForm public String embedMessage;
  @RestForm public String embedLoad;
  @RestForm public String embedAllow;

  /** The site's version the form was read at, so that a concurrent change is not overwritten. */
  @RestForm public String version;

  /** The texts typed; a field left empty keeps the platform's default. */
  SiteTexts texts() {
    return new SiteTexts(
        FormValues.text(bannerTitle),
        FormValues.text(bannerMessage),
        FormValues.text(acceptAll),
        FormValues.text(rejectAll),
        FormValues.text(customize),
        FormValues.text(settingsTitle),
        FormValues.text(save),
        FormValues.text(alwaysOn),
        FormValues.text(policyLink),
        FormValues.text(gpcNotice),
        FormValues.text(policyIntro),
        FormValues.text(doNotSell),
        FormValues.text(dismiss),
        FormValues.text(noticeMessage),
        FormValues.text(embedMessage),
        FormValues.text(embedLoad),
        FormValues.text(embedAllow));
  }

  Long expectedVersion() {
    return FormValues.version(version);
  }
}
