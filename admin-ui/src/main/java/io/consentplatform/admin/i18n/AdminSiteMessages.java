package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;
import java.util.UUID;

/**
 * The texts of a site's declaration and record pages (cookies, providers, categories, banner texts,
 * versions, consent log, import), used as {@code {siteMsg:key}} in templates. A second bundle
 * because Quarkus 3.33 generates a broken class for a bundle of more than 300 messages
 * (VerifyError). The wording lives in {@code messages/siteMsg_<language>.properties}, keyed by
 * these methods' names: English is the default locale's file, French the other. The page escapes
 * what a message returns, tenant input included.
 */
@MessageBundle(value = "siteMsg", locale = "en")
public interface AdminSiteMessages {
  String cookiesTitle(String site);

  String cookiesHeading();

  String draftUntil();

  String publishANewVersion();

  String importCsv();

  String exportCsv();

  String search();

  String searchPlaceholder();

  String fieldCategory();

  String allCategories();

  String filter();

  String noCookieMatches();

  String declareOneBelow();

  String cookiesCaption(int n);

  String fieldProvider();

  String fieldPurposes();

  String fieldRetention();

  String fieldSetBy();

  String thirdParty();

  String aThirdParty();

  String thisSite();

  String declareCookie();

  String cookieNotAdded();

  String addToDraft();

  String cookieEditTitle(String name, String site);

  String cookieHeading();

  String cookieNotSaved();

  String saveInDraft();

  String removeCookie();

  String fieldFunctionAndLocation();

  String wildcardLabel();

  String retentionHint();

  String fieldRetentionAmount();

  String fieldRetentionUnit();

  String retentionNoDuration();

  String unitSESSION();

  String unitMINUTES();

  String unitHOURS();

  String unitDAYS();

  String unitWEEKS();

  String unitMONTHS();

  String unitYEARS();

  String fieldRetentionNote();

  String fieldDomainOptional();

  String fieldStorage();

  String storageCOOKIE();

  String storageLOCAL_STORAGE();

  String storageSESSION_STORAGE();

  String storageHint();

  String httpOnlyLabel();

  String httpOnlyShort();

  String fieldPosition();

  String providersTitle(String site);

  String providersHeading();

  String providersIntro();

  String noProvider();

  String noProviderEditor();

  String providersCaption(int n);

  String privacyPolicy();

  String noneGiven();

  String addProvider();

  String providerNotAdded();

  String fieldPrivacyPolicyUrl();

  String addTheProvider();

  String providerEditTitle(String name, String site);

  String providerNotSaved();

  String save();

  String providerRemoveNote();

  String removeProvider();

  String categoriesTitle(String site);

  String categoriesHeading();

  String categoriesIntro();

  String noCategory();

  String noCategoryEditor();

  String categoriesCaption(int n);

  String fieldPurpose();

  String fieldRequired();

  String alwaysOn();

  String optional();

  String addCategory();

  String categoryNotAdded();

  String categoryEditTitle(String key, String site);

  String categoryHeading();

  String categoryNotSaved();

  String categoryRemoveNote();

  String removeCategory();

  String fieldDescription();

  String hintCategoryKey();

  String requiredLabel();

  String versionsTitle(String site);

  String versionsHeading();

  String theDraft();

  String draftSameAs(int number);

  String publishConfirm();

  String publishVersion(int number);

  String published();

  String versionsCaption(int n);

  String version();

  String publishedOn();

  String by();

  String contentHash();

  String changes();

  String sinceVersion(int number);

  String firstVersion();

  String whatChanged(int number, int previous);

  String sameContent();

  String askedAgainColumn();

  String kindFirst();

  String kindAsksAgain(String reasons);

  String kindQuietTexts();

  String kindQuiet();

  String publishConfirmQuiet();

  String forceReconsent();

  String reasonNewCategory(String category);

  String reasonCategoryPurpose(String category, String before, String after);

  String reasonCategoryRequired(String category);

  String reasonCategoryOptional(String category);

  String reasonNewCookie(String cookie, String category);

  String reasonCookieCategory(String cookie, String category);

  String reasonCookieProvider(String cookie, String before, String after);

  String reasonCookieRetention(String cookie, String before, String after);

  String reasonCookieWildcard(String cookie);

  String reasonCookieThirdParty(String cookie);

  String fieldChange(String field, String before, String after);

  String fieldChangeIn(String field, String language, String before, String after);

  String noValue();

  String consentsTitle(String site);

  String consentsHeading();

  String fieldAction();

  String all();

  String exportAll();

  String noDecision();

  String noDecisionWithAction();

  String decisionsCaption(int n);

  String recorded();

  String receipt();

  String method();

  String choices();

  String gpc();

  String yes();

  String no();

  String receiptTitle(UUID id);

  String receiptNumber();

  String visitor();

  String policyVersion();

  String contentHashOf();

  String givenIn();

  String language();

  String globalPrivacyControl();

  String on();

  String off();

  String browser();

  String notRecorded();

  String network();

  String perCategory();

  String decision();

  String granted();

  String refused();

  String importUploadTitle(String site);

  String importHeading();

  String importColumns();

  String importSameColumns();

  String importMatching();

  String importFile();

  String checkTheFile();

  String sendingFile();

  String importPreviewTitle(String site);

  String importCrumb();

  String importWouldChange(String file);

  String newCookies();

  String changed();

  String unchanged();

  String rowsInError();

  String rowsCannotImport();

  String line();

  String column();

  String problem();

  String andMore(int n);

  String cookiesImportChanges();

  String fieldDomain();

  String changeColumn();

  String newOne();

  String changedOne();

  String fileChangesNothing();

  String fileChangesNothingImportable();

  String chooseAnotherFile();

  String importCookies(int n);

  String importSkipsErrors(int n);

  String importProvidersHeading();

  String importProviderInFile();

  String importProviderOnSite();

  String importProviderReused(String name);

  String importProviderCreated();

  String importCategoriesHeading();

  String importCategoryInFile();

  String importCategoryOnSite();

  String importCategoryNone();

  String importRows();

  String importOverlapsHeading();

  String importOverlapsIntro();

  String importOverlapInFile(String pattern, String other, int line);

  String importOverlapOnSite(String pattern, String other);

  String importing();

  String textsTitle(String site);

  String textsHeading();

  String textsIntro();

  String textsNotSaved();

  String saveTexts(String lang);

  String preview();

  String previewHint();

  String previewHintLive();

  String showSettingsLayer();

  String previewFrame();
}
