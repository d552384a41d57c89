package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the operator console and of what the frame says about a tenant's standing with the
 * platform (a suspension), used as {@code {platformMsg:key}}; the wording lives in {@code
 * messages/platformMsg_<language>.properties}.
 */
@MessageBundle(value = "platformMsg", locale = "en")
public interface PlatformMessages {
  String navPlatform();

  String suspendedNotice();

  String title();

  String tenantsHeading();

  String colName();

  String colPlan();

  String colState();

  String colSites();

  String colViews();

  String colDecisions();

  String colLastScan();

  String colMembers();

  String noScan();

  String noTenants();

  String newTenantHeading();

  String fieldName();

  String fieldSlug();

  String fieldOwnerEmail();

  String createTenant();

  String invalidSlug();

  String invalidName();

  String invalidOwnerEmail();

  String slugTaken();

  String createdTitle(String name);

  String invitationShownOnce(String email, String expires);

  String invitationMailed(String email);

  String invitationMailFailed();

  String invitationNotMailed();

  String backToConsole();

  String tenantTitle(String name);

  String doneSuspended();

  String doneReactivated();

  String doneArchived();

  String suspendText();

  String suspend();

  String reactivate();

  String archiveHeading();

  String archiveText();

  String archiveConfirmLabel(String slug);

  String archive();

  String archiveTypeSlug();

  String archivedText();

  String planLink();

  String exportLink();

  String owners();

  String stateACTIVE();

  String stateSUSPENDED();

  String stateARCHIVED();
}
