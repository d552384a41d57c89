package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the back office's frame, its site and member pages, and what Java code shows
 * (notices, errors, labels), used as {@code {admin:key}} in templates and through {@link
 * AdminLanguage#messages()} in Java. The wording lives in {@code
 * messages/admin_<language>.properties}, keyed by these methods' names: English is the default
 * locale's file, French the other. The page escapes what a message returns, tenant input included.
 */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMessages {
  String skipToContent();

  String mainNav();

  String navSites();

  String navMembers();

  String navApiKeys();

  String navAudit();

  String navSwitchTenant();

  String signOut();

  String languageSwitch();

  String roleOWNER();

  String roleEDITOR();

  String roleVIEWER();

  String purposeNECESSARY();

  String purposePREFERENCES();

  String purposeSTATISTICS();

  String purposeMARKETING();

  String actionACCEPT_ALL();

  String actionREJECT_ALL();

  String actionCUSTOM();

  String actionWITHDRAW();

  String methodBANNER();

  String methodSETTINGS();

  String methodAPI();

  String methodSIGNAL();

  String changeCookieAdded();

  String changeCookieRemoved();

  String changeCookieChanged();

  String changeCategoryAdded(String k);

  String changeCategoryRemoved(String k);

  String changeCategoryChanged(String k);

  String changeProviderAdded(String k);

  String changeProviderRemoved(String k);

  String changeProviderChanged(String k);

  String changeSetting(String k);

  String changeTexts(String k);

  String formErrorsCorrect(String message);

  String languageTabs();

  String languageTabDefault();

  String remove();

  String siteNavDashboard();

  String siteNavCookies();

  String siteNavProviders();

  String siteNavCategories();

  String siteNavTexts();

  String siteNavVersions();

  String siteNavConsents();

  String siteNavSettings();

  String siteNavPolicyPage();

  String backToSites();

  String errorNotFound();

  String errorNotFoundDetail();

  String errorForbidden();

  String errorConflict();

  String errorNotPossible();

  String errorNotAvailable();

  String errorSsoNotConfigured();

  String errorNotAdded();

  String errorNotChanged();

  String errorNotCreated();

  String errorUnknownRole();

  String signInTitle();

  String signInHeading();

  String signInFailed();

  String signedOut();

  String signInSso();

  String signInOrLocal();

  String email();

  String password();

  String noTenantTitle();

  String noTenantHeading();

  String noTenantText();

  String tenantsTitle();

  String tenantsHeading();

  String sitesTitle();

  String sitesEmpty();

  String sitesEmptyEditor();

  String siteSummary(int domains);

  String addSite();

  String siteNotAdded();

  String fieldKey();

  String fieldName();

  String fieldDomains();

  String fieldDomainsPerLine();

  String fieldLanguages();

  String fieldDefaultLanguage();

  String fieldConsentLifetime();

  String hintSiteKey();

  String hintDomains();

  String hintDomainsMatching();

  String controllerHeading();

  String controllerHint();

  String fieldLegalName();

  String fieldPostalAddress();

  String fieldContact();

  String fieldDpoContact();

  String hintContact();

  String hintLanguages();

  String hintLifetimeNew();

  String hintLifetime();

  String addTheSite();

  String gettingStarted();

  String startCategories();

  String startCategoriesRest();

  String startProviders();

  String startAnd();

  String startCookies();

  String startCsv();

  String startTexts();

  String startTextsRest();

  String startPublish();

  String startPublishRest();

  String startEmbed();

  String embedTitle();

  String embedScript();

  String embedBeforePublish();

  String embedBlocked();

  String embedFrame();

  String embedSettingsLink();

  String copy();

  String copied();

  String copyFailed();

  String copyKey();

  String last30Days();

  String figureShown();

  String figureDecisions();

  String figureAcceptedAll();

  String figureRejectedAll();

  String figureCustomized();

  String figureWithdrawn();

  /** Where "banner shown" comes from: beacons nobody authenticates. */
  String figureShownSource();

  /** Followed by the date and a full stop. */
  String latestVersion(int number, String who);

  String nothingPublished();

  String optInTitle();

  String noDecisions();

  String optInChart();

  String refusedTitle();

  String refusedNone();

  String refusedIntro();

  String refusedSettings();

  String refusedOrigin();

  String refusedCount();

  String refusedLastSeen();

  String settingsTitle(String site);

  String settingsHeading();

  String settingsIntro();

  String publishAVersion();

  String settingsNotSaved();

  String saveTheSettings();

  String none();

  String defaultLanguageIs(String lang);

  String consentLifetime();

  String days(int n);

  String membersTitle();

  String membersCaption(int n, String tenant);

  String roleHeader();

  String signsInAs();

  String actions();

  String roleOf(String email);

  String change();

  String removeNamed(String name);

  String addMember();

  String subjectPlaceholder();

  String add();

  String apiKeysTitle();

  String apiKeysIntro();

  String apiKeysIntroEnd();

  String copyKeyNow();

  String noKey();

  String keysCaption(int n);

  String startsWith();

  String lastUsed();

  String state();

  String never();

  String revoked();

  String revokeNamed(String name);

  String revoke();

  String createKey();

  String keyNamePlaceholder();

  String create();

  String auditTitle();

  String noChange();

  String auditCaption(int n);

  String when();

  String who();

  String what();

  String of();

  String auditCreate();

  String auditUpdate();

  String auditDelete();

  String auditPublish();

  String auditRevoke();

  String auditErase();

  String auditImport();

  String auditCookie(String name);

  String auditProvider(String name);

  String auditCategory(String key);

  String auditSite(String name);

  String auditBannerTexts(String site, String language);

  String auditMember(String email);

  String auditApiKey(String name);

  String auditPolicyVersion(String number);

  String auditVisitor();

  String auditRetention();

  String auditCookies();

  String auditTenant(String name);

  String auditChanged(String field, String before, String after);

  String auditSet(String field, String after);

  String auditCleared(String field, String before);

  String textBannerTitle();

  String textBannerMessage();

  String textAcceptAll();

  String textRejectAll();

  String textCustomize();

  String textSettingsTitle();

  String textSave();

  String textAlwaysOn();

  String textPolicyLink();

  String textGpcNotice();

  String textPolicyIntro();

  String textDoNotSell();

  String textDismiss();

  String textNoticeMessage();

  String textEmbedMessage();

  String textEmbedLoad();

  String textEmbedAllow();

  String noticeCookieAdded();

  String noticeCookieDeleted();

  String noticePublished();

  String noticePublishedQuietly();

  String noticeTenant();

  String noticeMemberAdded();

  String noticeMemberChanged();

  String noticeMemberRemoved();

  String noticeCookieSaved();

  String noticeSiteCreated();

  String noticeSiteSaved();

  String noticeTextsSaved();

  String noticeCategoryAdded();

  String noticeCategorySaved();

  String noticeCategoryDeleted();

  String noticeProviderAdded();

  String noticeProviderSaved();

  String noticeProviderDeleted();

  String noticeScanStarted();

  String noticeScanAdopted();

  String noticeScanScheduleSaved();

  String noticeImported();

  String publishTickConfirm();

  String draftIncomplete(String reason);

  String wholeNumberOfDays();

  String importSendAgain();

  String importChooseFile();

  String importTooLarge(String megabytes);

  String importNotUtf8();

  String memberNeeds();

  String keyNeeds();

  String importNothingImported();
}
