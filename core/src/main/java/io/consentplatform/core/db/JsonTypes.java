package io.consentplatform.core.db;

import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.cookie.CookieView;
import io.consentplatform.core.cookie.ProviderView;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.policy.BannerConfig;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.policy.VersionView;
import io.consentplatform.core.scan.ObservedCookie;
import io.consentplatform.core.scan.ObservedStorage;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.ScanSettings;
import io.consentplatform.core.scan.ScanView;
import io.consentplatform.core.scan.SkippedUrl;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.site.SiteView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types {@link DomainJson} reads and writes by reflection (snapshots, audit entries, banner
 * configurations, scan reports; the demo content registers itself). The REST layer's types are
 * found by Quarkus itself; these are not, and a native executable keeps only what is registered.
 * Nested records come along.
 */
@RegisterForReflection(
    targets = {
      BannerConfig.class,
      CategoryView.class,
      CookieView.class,
      PolicySnapshot.class,
      ProviderView.class,
      Retention.class,
      ObservedCookie.class,
      ObservedStorage.class,
      Pass.class,
      ScanReport.class,
      ScanReport.ScanCounts.class,
      ScanSettings.class,
      ScanView.class,
      SkippedUrl.class,
      SiteView.class,
      VersionView.class
    })
final class JsonTypes {

  private JsonTypes() {}
}
