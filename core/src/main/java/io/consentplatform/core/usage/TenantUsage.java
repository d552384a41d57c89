package io.consentplatform.core.usage;

import io.consentplatform.core.plan.PlanView;
import java.util.List;

/**
 * A tenant's plan and what it used of it this month, as its members see it.
 *
 * @param overQuota the quotas it is over this month (by limit name, such as {@code
 *     max-decisions-per-month}): nothing is refused for them, the tenant is told
 */
public record TenantUsage(PlanView plan, MonthlyUsage usage, List<String> overQuota) {

  public boolean isOver() {
    return !overQuota.isEmpty();
  }
}
