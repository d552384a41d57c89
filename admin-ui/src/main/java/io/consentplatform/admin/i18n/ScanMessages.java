package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of a site's cookie scans (starting one, its progress and report, adding its findings to
 * the draft, the history, the dashboard's summary and the schedule), used as {@code {scanMsg:key}};
 * a bundle of their own keeps them beside the feature. The wording lives in {@code
 * messages/scanMsg_<language>.properties}.
 */
@MessageBundle(value = "scanMsg", locale = "en")
public interface ScanMessages {
  String siteNavScans();

  String scansTitle(String site);

  String scansHeading();

  String scansIntro();

  String startScan();

  String startScanShort();

  String scanUnavailable();

  String history();

  String historyCaption(int count);

  String noScanYet();

  String columnRequested();

  String columnTrigger();

  String columnStatus();

  String columnPages();

  String columnFindings();

  String columnNew();

  String columnViolations();

  String openReport();

  String triggerSCHEDULED();

  String statusQUEUED();

  String statusRUNNING();

  String statusDONE();

  String statusFAILED();

  String scanTitle(String site);

  String scanHeading();

  String backToScans();

  String progressHeading();

  String progressQueued();

  String progressRunning(int pass, String visitor);

  String progressPages(int visited, int cap);

  String progressElapsed(String elapsed);

  String progressReload();

  String progressDone();

  String elapsedSeconds(int seconds);

  String elapsedMinutes(int minutes, String secs);

  String passNO_DECISION();

  String passREJECTED_ALL();

  String passACCEPTED_ALL();

  String passShortNO_DECISION();

  String passShortREJECTED_ALL();

  String passShortACCEPTED_ALL();

  String failedHeading();

  String failedReason(String reason);

  String reportHeading();

  String reportSummary(int pages, int cookies, int storage, int hosts);

  String bannerMissing();

  String bannerFound();

  String violationsHeading();

  String noViolation();

  String violationBEFORE_CONSENT();

  String violationDESPITE_REFUSAL();

  String violationTO_REVIEW();

  String violationExplainedBEFORE_CONSENT();

  String violationExplainedDESPITE_REFUSAL();

  String violationExplainedTO_REVIEW();

  String violationOnPage(String page);

  String violationSetBy(String url);

  String findingsHeading();

  String findingsCaption(int count);

  String columnName();

  String columnDomain();

  String columnPath();

  String columnParty();

  String columnExpires();

  String columnFlags();

  String columnSetBy();

  String columnSeenOn();

  String columnClassification();

  String columnPasses();

  String firstParty();

  String thirdParty();

  String sessionCookie();

  String setByHTTP();

  String setByJAVASCRIPT();

  String setByUNKNOWN();

  String pagesCount(int count);

  String sourceDECLARED();

  String sourceOPEN_COOKIE_DATABASE();

  String sourceHOST_RULE();

  String sourceUNCLASSIFIED();

  String unclassified();

  String classifiedAs(String category, String provider);

  String storageHeading();

  String storageCaption(int count);

  String noStorage();

  String columnKind();

  String columnOrigin();

  String kindLOCAL_STORAGE();

  String kindSESSION_STORAGE();

  String kindINDEXED_DB();

  String hostsHeading();

  String noHosts();

  String pagesHeading();

  String skippedHeading();

  String noSkipped();

  String columnAddress();

  String columnReason();

  String reasonROBOTS();

  String reasonOFF_DOMAIN();

  String reasonREFUSED_ADDRESS();

  String reasonTIMEOUT();

  String reasonOVER_CAP();

  String reasonFAILED();

  String diffBadgeNew();

  String diffBadgeChanged();

  String diffHeading();

  String diffNew(int count);

  String diffMissing(int count);

  String diffChanged(int count);

  String diffNothingNew();

  String diffNothingMissing();

  String diffNothingChanged();

  String changedDomain(String declared, String found);

  String changedRetention(String declared, String found);

  String changedParty(String declared, String found);

  String anyDomain();

  String adoptHeading();

  String adoptIntro();

  String adoptColumnAdd();

  String adoptColumnCategory();

  String adoptColumnProvider();

  String adoptChooseCategory();

  String adoptSelect(String name);

  String adoptButton();

  String adoptNothingSelected();

  String adoptNotAdded();

  String adoptNoCategory();

  String adoptProviderTooLong();

  String adoptNoProvider();

  String adoptUnknownFinding();

  String adoptCategoryFor(String name);

  String adoptProviderFor(String name);

  String dashboardHeading();

  String dashboardLastScan(String status);

  String dashboardNew(int count);

  String dashboardViolations(int count);

  String dashboardNoScan();

  String dashboardHistory();

  String scheduleHeading();

  String scheduleExplained();

  String scheduleLabel();

  String scheduleOFF();

  String scheduleWEEKLY();

  String scheduleMONTHLY();

  String scheduleSave();

  String scheduleIs(String schedule);

  String scheduleUnknown();

  String sourcePLATFORM();

  String requestedAt(String who);
}
