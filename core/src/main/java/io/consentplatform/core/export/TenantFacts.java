package io.consentplatform.core.export;

import io.consentplatform.core.tenant.Tenant;
import io.consentplatform.core.tenant.TenantState;
import java.time.Instant;

/** The tenant itself as the archive's tenant.json shows it. */
public record TenantFacts(
    long id,
    String slug,
    String name,
    String plan,
    TenantState state,
    Instant stateChangedAt,
    String stateChangedBy,
    Instant createdAt,
    int consentRetentionDays) {

  static TenantFacts of(Tenant tenant) {
    return new TenantFacts(
        tenant.id,
        tenant.slug,
        tenant.name,
        tenant.plan,
        tenant.state,
        tenant.stateChangedAt,
        tenant.stateChangedBy,
        tenant.createdAt,
        tenant.consentRetentionDays);
  }
}
