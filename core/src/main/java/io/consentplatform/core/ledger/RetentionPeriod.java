package io.consentplatform.core.ledger;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** A tenant's retention period for proof of consent: read by anyone, set by its owners. */
@ApplicationScoped
@TenantScoped
public class RetentionPeriod {

  public static final int MIN_DAYS = 30;
  public static final int MAX_DAYS = 3650;

  private final Audit audit;

  public RetentionPeriod(Audit audit) {
    this.audit = audit;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public int days(Caller caller) {
    caller.require(Role.VIEWER);
    return Tenant.<Tenant>findById(caller.tenantId()).consentRetentionDays;
  }

  @Transactional
  public int change(Caller caller, int days) {
    caller.require(Role.OWNER);
    if (days < MIN_DAYS || days > MAX_DAYS) {
      throw new Rejected(
          "days", "The retention period is between " + MIN_DAYS + " and " + MAX_DAYS + " days");
    }
    Tenant tenant = Tenant.findById(caller.tenantId());
    int before = tenant.consentRetentionDays;
    tenant.consentRetentionDays = days;
    audit.record(
        caller, "update", "retention", tenant.id, Map.of("days", before), Map.of("days", days));
    return days;
  }
}
