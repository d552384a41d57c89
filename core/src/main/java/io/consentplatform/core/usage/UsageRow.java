package io.consentplatform.core.usage;

/**
 * One tenant's line of a month's usage export, for billing.
 *
 * @param month the calendar month (UTC), as {@code YYYY-MM}
 * @param overQuota whether its decisions went over its plan's monthly decisions (never refused)
 */
public record UsageRow(
    long tenantId,
    String slug,
    String name,
    String plan,
    String month,
    long bannerViews,
    long decisions,
    long scans,
    long pagesScanned,
    boolean overQuota) {}
