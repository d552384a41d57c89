package io.consentplatform.admin;

import io.consentplatform.admin.access.AccessPages;
import io.consentplatform.admin.access.AuditLine;
import io.consentplatform.admin.banner.BannerTextsPage;
import io.consentplatform.admin.banner.BannerThemePage;
import io.consentplatform.admin.banner.ThemeForm;
import io.consentplatform.admin.category.CategoryForm;
import io.consentplatform.admin.category.CategoryNames;
import io.consentplatform.admin.consent.ConsentLogPage;
import io.consentplatform.admin.cookie.CookieForm;
import io.consentplatform.admin.cookie.ProvidersPage;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.plan.PlanStanding;
import io.consentplatform.admin.platform.OperatorsPage;
import io.consentplatform.admin.platform.PlatformConsole;
import io.consentplatform.admin.scan.AdoptForm;
import io.consentplatform.admin.scan.ReportView;
import io.consentplatform.admin.site.Dashboard;
import io.consentplatform.admin.site.EmbedSnippet;
import io.consentplatform.admin.site.RegionsForm;
import io.consentplatform.admin.site.RegionsPage;
import io.consentplatform.admin.site.SiteForm;
import io.consentplatform.admin.version.DraftKind;
import io.consentplatform.admin.webhook.WebhookPages;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.RecordedDecision;
import io.consentplatform.core.consent.Statistics;
import io.consentplatform.core.cookie.CookieImport;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.ProviderView;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.export.TenantFacts;
import io.consentplatform.core.plan.PlanView;
import io.consentplatform.core.platform.OperatorView;
import io.consentplatform.core.platform.PlatformKeyView;
import io.consentplatform.core.platform.TenantSummary;
import io.consentplatform.core.policy.PolicyDiff;
import io.consentplatform.core.policy.VersionView;
import io.consentplatform.core.scan.ScanSettings;
import io.consentplatform.core.scan.ScanStatus;
import io.consentplatform.core.scan.ScanView;
import io.consentplatform.core.scan.SkippedUrl;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.signup.OpenSignup;
import io.consentplatform.core.site.DataController;
import io.consentplatform.core.site.SiteView;
import io.consentplatform.core.site.VendorSignal;
import io.consentplatform.core.tenant.ApiKeyView;
import io.consentplatform.core.tenant.MemberView;
import io.consentplatform.core.tenant.OpenLink;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.usage.MonthlyUsage;
import io.consentplatform.core.usage.TenantUsage;
import io.consentplatform.core.usage.UsageRow;
import io.consentplatform.core.webhook.DeliveryView;
import io.consentplatform.core.webhook.WebhookView;
import io.quarkus.qute.TemplateData;

/**
 * Value resolvers for every member of every class the back office's pages read, the core's views
 * among them. Qute generates them only for the members its checks see a template read; the others
 * the JVM found by reflection, which the native executable does not have: its pages answered 500
 * there. Core renders no template and has no Qute, so its classes are named here. A class a page
 * starts to read belongs here too.
 */
@TemplateData(target = Chrome.class)
@TemplateData(target = SignInPage.TenantChoice.class)
@TemplateData(target = AccessPages.MemberRow.class)
@TemplateData(target = AuditLine.class)
@TemplateData(target = BannerTextsPage.Text.class)
@TemplateData(target = BannerThemePage.Choice.class)
@TemplateData(target = ThemeForm.class)
@TemplateData(target = CategoryForm.class)
@TemplateData(target = CategoryNames.Choice.class)
@TemplateData(target = ConsentLogPage.Filters.class)
@TemplateData(target = ConsentLogPage.Option.class)
@TemplateData(target = ConsentLogPage.Row.class)
@TemplateData(target = CookieForm.class)
@TemplateData(target = ProvidersPage.ProviderForm.class)
@TemplateData(target = AdminLanguage.class)
@TemplateData(target = PlanStanding.class)
@TemplateData(target = OperatorsPage.OperatorForm.class)
@TemplateData(target = PlatformConsole.TenantForm.class)
@TemplateData(target = AdoptForm.class)
@TemplateData(target = ReportView.class)
@TemplateData(target = ReportView.Changed.class)
@TemplateData(target = ReportView.Finding.class)
@TemplateData(target = Dashboard.class)
@TemplateData(target = Dashboard.Bar.class)
@TemplateData(target = Dashboard.Refusal.class)
@TemplateData(target = EmbedSnippet.class)
@TemplateData(target = RegionsForm.class)
@TemplateData(target = RegionsPage.Choice.class)
@TemplateData(target = RegionsPage.Preview.class)
@TemplateData(target = RegionsPage.Row.class)
@TemplateData(target = SiteForm.class)
@TemplateData(target = SiteForm.SignalChoice.class)
@TemplateData(target = DraftKind.class)
@TemplateData(target = WebhookPages.SiteOption.class)
@TemplateData(target = CategoryText.class)
@TemplateData(target = CategoryView.class)
@TemplateData(target = ConsentAction.class)
@TemplateData(target = ConsentMethod.class)
@TemplateData(target = RecordedDecision.class)
@TemplateData(target = Statistics.Breakdown.class)
@TemplateData(target = Statistics.Group.class)
@TemplateData(target = CookieImport.CategoryUse.class)
@TemplateData(target = CookieImport.ImportReport.class)
@TemplateData(target = CookieImport.Overlap.class)
@TemplateData(target = CookieImport.ProviderUse.class)
@TemplateData(target = CookieImport.RowChange.class)
@TemplateData(target = CookieImport.RowError.class)
@TemplateData(target = CookieText.class)
@TemplateData(target = CookieView.class)
@TemplateData(target = Party.class)
@TemplateData(target = ProviderView.class)
@TemplateData(target = Retention.class)
@TemplateData(target = TenantFacts.class)
@TemplateData(target = PlanView.class)
@TemplateData(target = OperatorView.class)
@TemplateData(target = PlatformKeyView.class)
@TemplateData(target = TenantSummary.class)
@TemplateData(target = PolicyDiff.class)
@TemplateData(target = PolicyDiff.Changes.class)
@TemplateData(target = VersionView.class)
@TemplateData(target = ScanSettings.class)
@TemplateData(target = ScanStatus.class)
@TemplateData(target = ScanView.class)
@TemplateData(target = SkippedUrl.class)
@TemplateData(target = ScanReport.class)
@TemplateData(target = ScanReport.Classification.class)
@TemplateData(target = ScanReport.CookieFinding.class)
@TemplateData(target = ScanReport.DeclaredNotFound.class)
@TemplateData(target = ScanReport.ScanCounts.class)
@TemplateData(target = ScanReport.StorageFinding.class)
@TemplateData(target = ScanReport.Violation.class)
@TemplateData(target = OpenSignup.class)
@TemplateData(target = DataController.class)
@TemplateData(target = SiteView.class)
@TemplateData(target = VendorSignal.class)
@TemplateData(target = ApiKeyView.class)
@TemplateData(target = MemberView.class)
@TemplateData(target = OpenLink.class)
@TemplateData(target = Role.class)
@TemplateData(target = MonthlyUsage.class)
@TemplateData(target = TenantUsage.class)
@TemplateData(target = UsageRow.class)
@TemplateData(target = DeliveryView.class)
@TemplateData(target = WebhookView.class)
final class PageData {

  private PageData() {}
}
