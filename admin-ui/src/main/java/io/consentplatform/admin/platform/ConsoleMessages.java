package io.consentplatform.admin.platform;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the console's operators and operator-key pages and of its sub-navigation, used as
 * {@code {consoleMsg:key}}; the wording lives in {@code messages/consoleMsg_<language>.properties}.
 */
@MessageBundle(value = "consoleMsg", locale = "en")
public interface ConsoleMessages {
  String navLabel();

  String navTenants();

  String navPlans();

  String navUsage();

  String navOperators();

  String navKeys();

  String operatorsTitle();

  String operatorsIntro();

  String colSubject();

  String colEmail();

  String colAddedBy();

  String colAddedAt();

  String removeNamed(String subject);

  String remove();

  String addLocalHeading();

  String fieldEmail();

  String addLocal();

  String addIdpHeading();

  String fieldIssuer();

  String fieldSubject();

  String fieldIdpEmail();

  String addIdp();

  String invalidEmail();

  String invalidIssuer();

  String invalidSubject();

  String lastOperator();

  String doneAdded();

  String doneRemoved();

  String keysTitle();

  String keysIntro();

  String keysCaption();

  String noKey();

  String colName();

  String colPrefix();

  String colCreated();

  String colLastUsed();

  String colState();

  String never();

  String active();

  String revokedAt();

  String revoke();

  String revokeNamed(String name);

  String newKeyHeading();

  String fieldKeyName();

  String createKey();

  String invalidKeyName();

  String secretShownOnce();

  String doneRevoked();
}
