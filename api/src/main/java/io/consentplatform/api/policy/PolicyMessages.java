package io.consentplatform.api.policy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The platform's own explanatory wording on every cookie policy page, in English; {@link
 * PolicyMessagesFr} translates it. A site's own texts come from its policy version instead.
 */
@MessageBundle(locale = "en")
public interface PolicyMessages {

  @Message("Cookie policy")
  String title();

  @Message("What is a cookie?")
  String whatIsACookie();

  @Message(
      "A cookie is a small piece of text that a website asks your browser to keep. Your browser"
          + " sends it back each time you return to that site, which lets the site recognise the"
          + " device you use: to keep you signed in, to remember the language you chose, or to"
          + " count and follow visits. Similar techniques, such as local storage in your browser,"
          + " work the same way and are covered by this policy too.")
  String cookieExplained();

  @Message(
      "Some cookies are needed for the site to work and are set without asking. All others are"
          + " set only if you agree, and you can change your choice at any time.")
  String consentExplained();

  @Message("Types of cookies")
  String typesOfCookies();

  @Message("Cookies used on {domains}")
  String cookiesUsedOn(String domains);

  @Message("Cookies used on this site")
  String cookiesUsedOnThisSite();

  @Message("Always active: these cookies are needed for the site to work.")
  String alwaysActive();

  @Message("Used only with your consent.")
  String onlyWithConsent();

  @Message("No cookies of this type are used.")
  String noCookies();

  @Message("Service provider's name")
  String serviceProvider();

  @Message("Function and location")
  String functionAndLocation();

  @Message("Cookie name(s)")
  String cookieNames();

  @Message("Purposes")
  String purposes();

  @Message("Retention")
  String retention();

  @Message("Set by")
  String setBy();

  @Message("this site")
  String firstParty();

  @Message("a third party")
  String thirdParty();

  @Message("privacy policy")
  String privacyPolicy();

  @Message("Version {number}, published on {date}.")
  String version(int number, String date);

  @Message("This page in other languages:")
  String otherLanguages();

  @Message("Page not found")
  String notFoundTitle();

  @Message("There is no cookie policy for this address.")
  String notFoundText();
}
