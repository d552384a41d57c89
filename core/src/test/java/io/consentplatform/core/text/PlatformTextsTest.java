package io.consentplatform.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.site.SiteTexts;
import org.junit.jupiter.api.Test;

/**
 * The platform's default wording reaches visitors in every banner and policy page: moving it from
 * Java to properties files must not change one character. The expected texts are those the Java map
 * held before the move, copied here by hand.
 */
class PlatformTextsTest {

  @Test
  void shouldKeepTheEnglishDefaultsWordForWord() {
    assertEquals(
        new SiteTexts(
            "Your choice about cookies",
            "We would like to use cookies and similar technologies to measure and improve this"
                + " site. Those that are not needed for the site to work are only used if you"
                + " agree. You can change your mind at any time.",
            "Accept all",
            "Reject all",
            "Customize",
            "Choose which cookies to allow",
            "Save my choices",
            "Always on",
            "Cookie policy",
            "Your browser asks sites not to share or sell your data: marketing cookies stay"
                + " off unless you switch them on yourself.",
            "This page lists the cookies this site uses, who sets them and why. Cookies that"
                + " are not needed for the site to work are only set with your consent.",
            "Do Not Sell or Share My Personal Information",
            "OK",
            "This site uses cookies and similar technologies to work, and to measure and improve"
                + " it. Its cookie policy lists them, who sets them and why.",
            "This content may set cookies, so it waits until you allow {category}.",
            "Load this content",
            "Always allow {category}"),
        PlatformTexts.defaults("en"));
  }

  @Test
  void shouldKeepTheFrenchDefaultsWordForWord() {
    assertEquals(
        new SiteTexts(
            "Vos choix concernant les cookies",
            "Nous souhaitons utiliser des cookies et des technologies similaires pour mesurer et"
                + " améliorer ce site. Ceux qui ne sont pas nécessaires à son fonctionnement ne"
                + " sont utilisés qu'avec votre accord. Vous pouvez changer d'avis à tout moment.",
            "Tout accepter",
            "Tout refuser",
            "Personnaliser",
            "Choisissez les cookies à autoriser",
            "Enregistrer mes choix",
            "Toujours actifs",
            "Politique relative aux cookies",
            "Votre navigateur demande aux sites de ne pas partager ni vendre vos données\u00a0: les"
                + " cookies marketing restent désactivés, sauf si vous les activez vous-même.",
            "Cette page présente les cookies utilisés par ce site, qui les dépose et pourquoi."
                + " Ceux qui ne sont pas nécessaires à son fonctionnement ne sont déposés qu'avec"
                + " votre consentement.",
            "Ne pas vendre ni partager mes informations personnelles",
            "OK",
            "Ce site utilise des cookies et des technologies similaires pour fonctionner, ainsi que"
                + " pour mesurer son audience et s'améliorer. Sa politique relative aux cookies les"
                + " présente, indique qui les dépose et pourquoi.",
            "Ce contenu peut déposer des cookies\u00a0: il attend que vous autorisiez {category}.",
            "Charger ce contenu",
            "Toujours autoriser {category}"),
        PlatformTexts.defaults("fr"));
  }

  @Test
  void shouldFallBackToEnglishForALanguageWithoutDefaults() {
    assertEquals(PlatformTexts.defaults("en"), PlatformTexts.defaults("de"));
  }
}
