package io.consentplatform.core.platform;

import io.consentplatform.core.tenant.TenantState;
import java.time.Instant;
import java.util.List;

/**
 * One tenant in the operators' directory.
 *
 * @param sites its sites in use (archived ones left out)
 * @param bannerViews banner impressions this calendar month (UTC)
 * @param decisions visitors' decisions recorded this month
 * @param lastScanAt when its latest scan was asked for; null when it never scanned
 * @param lastScanStatus how that scan stands (QUEUED, RUNNING, DONE, FAILED); null likewise
 * @param ownerEmails the e-mails of its owners, as their memberships show them
 */
public record TenantSummary(
    long id,
    String slug,
    String name,
    String plan,
    TenantState state,
    Instant stateChangedAt,
    String stateChangedBy,
    Instant createdAt,
    long sites,
    long bannerViews,
    long decisions,
    Instant lastScanAt,
    String lastScanStatus,
    long members,
    List<String> ownerEmails) {}
