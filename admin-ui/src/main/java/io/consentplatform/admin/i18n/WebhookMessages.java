package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the webhook pages (endpoints, the secret shown once, delivery history), used as
 * {@code {hookMsg:key}}; the wording lives in {@code messages/hookMsg_<language>.properties}.
 */
@MessageBundle(value = "hookMsg", locale = "en")
public interface WebhookMessages {
  String navWebhooks();

  String title();

  String intro();

  String noEndpoint();

  String caption(int count);

  String columnUrl();

  String columnEvents();

  String columnSites();

  String columnState();

  String enabled();

  String disabled();

  String allSites();

  String addTitle();

  String fieldUrl();

  String fieldDescription();

  String fieldEvents();

  String fieldSites();

  String sitesHint();

  String add();

  String secretTitle();

  String secretIntro();

  String copySecret();

  String openEndpoint();

  String settings();

  String fieldEnabled();

  String save();

  String sendTest();

  String rotateSecret();

  String rotateWarning();

  String delete();

  String deleteWarning();

  String history();

  String historyCaption(int count);

  String showAll();

  String showParked();

  String noDelivery();

  String columnCreated();

  String columnEvent();

  String columnStatus();

  String columnAttempts();

  String columnNextAttempt();

  String columnLastStatus();

  String columnError();

  String replay();

  String statusPENDING();

  String statusDELIVERED();

  String statusPARKED();

  String disabledBecause(String reason);
}
