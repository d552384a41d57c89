package io.consentplatform.core.usage;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.plan.Limit;
import io.consentplatform.core.plan.Plan;
import io.consentplatform.core.plan.PlanService;
import io.consentplatform.core.plan.PlanView;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** A tenant's own plan and usage, for its members. */
@ApplicationScoped
@TenantScoped
public class UsageService {

  private final UsageReport report;
  private final PlanService plans;

  public UsageService(UsageReport report, PlanService plans) {
    this.report = report;
    this.plans = plans;
  }

  /** The caller's tenant's plan, its limits and this month's usage (UTC). */
  @Transactional
  public TenantUsage ofCaller(Caller caller) {
    caller.require(Role.VIEWER);
    YearMonth month = YearMonth.now(ZoneOffset.UTC);
    Tenant tenant = Tenant.findById(caller.tenantId());
    PlanView plan = plans.get(tenant.plan);
    MonthlyUsage usage = report.of(caller.tenantId(), month);
    Plan limits = Plan.findByCode(tenant.plan).orElseThrow();
    List<String> over =
        UsageExport.overDecisions(limits, usage.decisions())
            ? List.of(Limit.MAX_DECISIONS_PER_MONTH.code())
            : List.of();
    return new TenantUsage(plan, usage, over);
  }
}
