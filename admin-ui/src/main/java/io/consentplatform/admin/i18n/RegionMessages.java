package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of a site's rules by region and of the sensitive categories, used as {@code
 * {regionMsg:key}} in templates: a bundle of their own, since the others are near the size at which
 * Quarkus generates a broken class. The wording lives in {@code messages/regionMsg_<language>
 * .properties}, English the default locale's file, French the other.
 */
@MessageBundle(value = "regionMsg", locale = "en")
public interface RegionMessages {
  String siteNavRegions();

  String regionsTitle(String site);

  String regionsHeading();

  String regionsIntro();

  String regionsDocs();

  String columnOrder();

  String columnRegions();

  String hintRegions();

  String columnExperience();

  String experienceOPT_IN();

  String experienceOPT_OUT();

  String experienceNOTICE();

  String experienceNONE();

  String moveUp();

  String moveDown();

  String removeRule();

  String addRule();

  String noRules();

  String fieldOtherwise();

  String fieldRefusalLifetime();

  String hintRefusalLifetime();

  String startFromDefaults();

  String hintDefaults();

  String saveRules();

  String rulesNotSaved();

  String noticeRegionsSaved();

  String notSavedYet();

  String previewHeading();

  String previewRegion();

  String hintPreviewRegion();

  String showPreview();

  String previewGets(String region, String experience);

  String previewUnknownGets(String experience);

  String previewFrame();

  String unknownRegion();

  String sensitiveLabel();

  String hintSensitive();

  String fieldSensitive();

  String fieldRegionRules();

  String fieldRefusalLifetimeDays();

  String otherwiseWord();

  String reasonCategorySensitive(String category);

  String reasonRegionOptIn(String region);

  String reasonOtherwiseOptIn();

  String badRegion(String entry);

  String regionsCount(int max);
}
