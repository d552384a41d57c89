package io.consentplatform.api.policy;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The platform's own explanatory wording on every cookie policy page. The texts live in {@code
 * messages/msg_<language>.properties} (English is the default locale's file), keyed by these
 * methods' names, so that adding a language is adding a file. A site's own texts come from its
 * policy version instead.
 */
@MessageBundle(locale = "en")
public interface PolicyMessages {
  String title();

  String whatIsACookie();

  String cookieExplained();

  String consentExplained();

  String typesOfCookies();

  String consentDependsOnRegion();

  String choicesByRegionTitle();

  String choicesByRegionIntro();

  String experienceName(String experience);

  String appliesTo(String regions);

  String appliesToAndElsewhere(String regions);

  String appliesElsewhere();

  String optInExplained(int days);

  String optOutExplained();

  String optOutRunByDefault(String categories);

  String optOutSensitive(String categories);

  String optOutLink(String link);

  String optOutSignal();

  String optOutSignalMarketing(String categories);

  String noticeExplained();

  String noneExplained();

  String withoutChoiceRun(String categories);

  String withoutChoiceSensitive(String categories);

  String cookiesUsedOn(String domains);

  String cookiesUsedOnThisSite();

  String alwaysActive();

  String onlyWithConsent();

  String noCookies();

  String serviceProvider();

  String functionAndLocation();

  String cookieNames();

  String purposes();

  String retention();

  String setBy();

  String firstParty();

  String thirdParty();

  String privacyPolicy();

  String unremovableTitle();

  String unremovableIntro();

  String unremovableWhy();

  String unremovableHow();

  String category();

  String httpOnlyWhy();

  String thirdPartyWhy();

  String inYourBrowser();

  String inYourBrowserFor(String domain);

  String orTheirChoices(String provider);

  String version(int number, String date);

  String otherLanguages();

  String archivedTitle(String site);

  String archivedText(String site, String date);

  String changeYourChoice();

  String changeYourChoiceText(String site);

  String controllerTitle();

  String contact();

  String dpoContact();

  String notFoundTitle();

  String notFoundText();
}
