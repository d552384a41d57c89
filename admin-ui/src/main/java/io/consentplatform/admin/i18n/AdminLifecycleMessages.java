package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of archiving a site (the section of its settings, the confirmation, the archived list),
 * used as {@code {lifecycleMsg:key}}; a bundle of their own keeps them beside the feature. The
 * wording lives in {@code messages/lifecycleMsg_<language>.properties}.
 */
@MessageBundle(value = "lifecycleMsg", locale = "en")
public interface AdminLifecycleMessages {
  String archiveHeading();

  String archiveExplained();

  String archiveStart();

  String archiveTitle(String site);

  String archiveConfirmHeading(String site);

  String archiveWhatHappens();

  String archiveBannerStops();

  String archiveDecisionsRefused();

  String archivePolicyPage();

  String archiveProofKept(int retentionDays);

  String archiveConfirm(String site);

  String archiveTickConfirm();

  String archiveTheSite();

  String cancel();

  String archivedSince(String date);

  String unarchiveExplained();

  String unarchive();

  String archivedSites();

  String archivedOn(String date);
}
