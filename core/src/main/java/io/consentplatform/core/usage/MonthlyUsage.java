package io.consentplatform.core.usage;

import java.time.YearMonth;

/**
 * What a tenant used in a calendar month (UTC), for the console, plan quotas and billing.
 *
 * @param bannerViews impression beacons of its banners, from declared origins
 * @param decisions visitors' decisions recorded, quotas or not
 * @param scans scans asked for in the month, scheduled ones included
 * @param pagesScanned pages those scans visited
 */
public record MonthlyUsage(
    long tenantId,
    YearMonth month,
    long bannerViews,
    long decisions,
    long scans,
    long pagesScanned) {

  public static MonthlyUsage none(long tenantId, YearMonth month) {
    return new MonthlyUsage(tenantId, month, 0, 0, 0, 0);
  }
}
