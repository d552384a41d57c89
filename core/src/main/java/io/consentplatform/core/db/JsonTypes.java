package io.consentplatform.core.db;

import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.cookie.ProviderView;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.export.TenantFacts;
import io.consentplatform.core.ledger.TreeHead;
import io.consentplatform.core.plan.PlanView;
import io.consentplatform.core.policy.BannerConfig;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.policy.VersionView;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.scan.ObservedCookie;
import io.consentplatform.core.scan.ObservedStorage;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.ScanSettings;
import io.consentplatform.core.scan.ScanView;
import io.consentplatform.core.scan.SkippedUrl;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.site.DataController;
import io.consentplatform.core.site.RegionSettings;
import io.consentplatform.core.site.SiteTexts;
import io.consentplatform.core.site.SiteTheme;
import io.consentplatform.core.site.SiteView;
import io.consentplatform.core.tenant.ApiKeyView;
import io.consentplatform.core.tenant.MemberView;
import io.consentplatform.core.webhook.WebhookView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types {@link DomainJson} reads and writes by reflection (snapshots, audit entries, banner
 * configurations, scan reports, tree heads in webhook events, export files; the demo content
 * registers itself). A test guard (DomainJsonWithoutReflection) fails any test that makes it read
 * or write one of ours that is not listed here. The REST layer's types are found by Quarkus itself;
 * these are not, and a native executable keeps only what is registered. Nested records come along.
 */
@RegisterForReflection(
    targets = {
      ApiKeyView.class,
      BannerConfig.class,
      CategoryText.class,
      CategoryView.class,
      CookieText.class,
      CookieView.class,
      DataController.class,
      MemberView.class,
      PlanView.class,
      PolicySnapshot.class,
      ProviderView.class,
      RegionRule.class,
      RegionSettings.class,
      RegionRules.class,
      Retention.class,
      ObservedCookie.class,
      ObservedStorage.class,
      Pass.class,
      ScanReport.class,
      ScanReport.ScanCounts.class,
      ScanSettings.class,
      ScanView.class,
      SkippedUrl.class,
      SiteTexts.class,
      SiteTheme.class,
      SiteView.class,
      TenantFacts.class,
      TreeHead.class,
      VersionView.class,
      WebhookView.class
    })
final class JsonTypes {

  private JsonTypes() {}
}
