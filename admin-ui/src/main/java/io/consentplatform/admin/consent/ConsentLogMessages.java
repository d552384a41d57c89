package io.consentplatform.admin.consent;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The consent log's wording about regions and experiences (its filters, columns, receipt lines and
 * breakdown), used as {@code {consentMsg:key}}; a bundle of its own keeps it beside the feature.
 * The wording lives in {@code messages/consentMsg_<language>.properties}.
 */
@MessageBundle(value = "consentMsg", locale = "en")
public interface ConsentLogMessages {
  String fieldRegion();

  String regionHint();

  String regionInvalid();

  String fieldExperience();

  String experience(String experience);

  String region(String region);

  String noDecisionWithFilters();

  String breakdownTitle(String from, String to);

  String byExperienceCaption();

  String byRegionCaption();

  String decisions();

  String acceptedAll();

  String rejectedAll();

  String customized();

  String withdrawn();

  String noBreakdown();
}
