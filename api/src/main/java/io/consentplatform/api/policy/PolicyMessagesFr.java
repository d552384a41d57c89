package io.consentplatform.api.policy;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The French wording of {@link PolicyMessages}. */
@Localized("fr")
public interface PolicyMessagesFr extends PolicyMessages {

  @Override
  @Message("Politique relative aux cookies")
  String title();

  @Override
  @Message("Qu'est-ce qu'un cookie\u00a0?")
  String whatIsACookie();

  @Override
  @Message(
      "Un cookie est un petit fichier texte qu'un site demande à votre navigateur de conserver."
          + " Votre navigateur le renvoie à chaque nouvelle visite, ce qui permet au site de"
          + " reconnaître l'appareil que vous utilisez\u00a0: pour vous garder connecté, retenir la"
          + " langue choisie, ou compter et suivre les visites. Des techniques semblables, comme"
          + " le stockage local du navigateur, fonctionnent de la même façon et sont aussi"
          + " couvertes par cette politique.")
  String cookieExplained();

  @Override
  @Message(
      "Certains cookies sont indispensables au fonctionnement du site et sont déposés sans"
          + " demande. Tous les autres ne le sont qu'avec votre accord, que vous pouvez modifier"
          + " à tout moment.")
  String consentExplained();

  @Override
  @Message("Types de cookies")
  String typesOfCookies();

  @Override
  @Message("Cookies utilisés sur {domains}")
  String cookiesUsedOn(String domains);

  @Override
  @Message("Cookies utilisés sur ce site")
  String cookiesUsedOnThisSite();

  @Override
  @Message("Toujours actifs\u00a0: ces cookies sont nécessaires au fonctionnement du site.")
  String alwaysActive();

  @Override
  @Message("Utilisés uniquement avec votre consentement.")
  String onlyWithConsent();

  @Override
  @Message("Aucun cookie de ce type n'est utilisé.")
  String noCookies();

  @Override
  @Message("Nom du fournisseur du service")
  String serviceProvider();

  @Override
  @Message("Fonction et emplacement")
  String functionAndLocation();

  @Override
  @Message("Nom(s) du cookie")
  String cookieNames();

  @Override
  @Message("Finalités")
  String purposes();

  @Override
  @Message("Durée de conservation")
  String retention();

  @Override
  @Message("Déposé par")
  String setBy();

  @Override
  @Message("ce site")
  String firstParty();

  @Override
  @Message("un tiers")
  String thirdParty();

  @Override
  @Message("politique de confidentialité")
  String privacyPolicy();

  @Override
  @Message("Version {number}, publiée le {date}.")
  String version(int number, String date);

  @Override
  @Message("Cette page dans d'autres langues\u00a0:")
  String otherLanguages();

  @Override
  @Message("Page introuvable")
  String notFoundTitle();

  @Override
  @Message("Il n'existe pas de politique relative aux cookies à cette adresse.")
  String notFoundText();
}
