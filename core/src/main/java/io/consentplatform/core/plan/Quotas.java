package io.consentplatform.core.plan;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.scan.Scan;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.TenantMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The one place where a tenant's plan refuses something, in the transaction of the change it
 * refuses (the services call it after their role check). A visitor's decision never comes here: the
 * decision quota only warns ({@code QuotaNotices}).
 */
@ApplicationScoped
@TenantScoped
public class Quotas {

  private final PlanService plans;

  public Quotas(PlanService plans) {
    this.plans = plans;
  }

  /** Before a site is created or brought back from the archive. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void allowAnotherSite(Caller caller) {
    Plan plan = plans.planOf(caller.tenantId());
    if (plan.maxSites != null
        && Site.count("tenant.id = ?1 and archivedAt is null", caller.tenantId())
            >= plan.maxSites) {
      throw new LimitReached(
          Limit.MAX_SITES, plan.code, "The plan allows " + plan.maxSites + " site(s) in use");
    }
  }

  /** Before a member is added. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void allowAnotherMember(Caller caller) {
    Plan plan = plans.planOf(caller.tenantId());
    if (plan.maxMembers != null
        && TenantMember.count("tenant.id = ?1", caller.tenantId()) >= plan.maxMembers) {
      throw new LimitReached(
          Limit.MAX_MEMBERS, plan.code, "The plan allows " + plan.maxMembers + " member(s)");
    }
  }

  /** Before a webhook endpoint is created or enabled. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void allowWebhooks(Caller caller) {
    requireFeature(plans.planOf(caller.tenantId()), Feature.WEBHOOKS, Limit.WEBHOOKS);
  }

  /** Before a scan is asked for by a person: the scanner and this month's scans. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void allowScan(Caller caller) {
    Plan plan = plans.planOf(caller.tenantId());
    requireFeature(plan, Feature.SCANNER, Limit.SCANNER);
    if (plan.maxScansPerMonth != null) {
      Instant monthStart =
          YearMonth.now(ZoneOffset.UTC).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      long scans = Scan.count("tenantId = ?1 and createdAt >= ?2", caller.tenantId(), monthStart);
      if (scans >= plan.maxScansPerMonth) {
        throw new LimitReached(
            Limit.MAX_SCANS_PER_MONTH,
            plan.code,
            "The plan allows " + plan.maxScansPerMonth + " scan(s) a month; try again next month");
      }
    }
  }

  /** Before a site's pages per scan are set: null (the platform's default) is always allowed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void allowPagesPerScan(Caller caller, Integer pages) {
    Plan plan = plans.planOf(caller.tenantId());
    if (pages != null && plan.maxPagesPerScan != null && pages > plan.maxPagesPerScan) {
      throw new LimitReached(
          Limit.MAX_PAGES_PER_SCAN,
          plan.code,
          "The plan allows " + plan.maxPagesPerScan + " page(s) per scan");
    }
  }

  /** The pages a scan visits: the site's cap, at most the plan's. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int pagesPerScan(Caller caller, int cap) {
    Plan plan = plans.planOf(caller.tenantId());
    return plan.maxPagesPerScan == null ? cap : Math.min(cap, plan.maxPagesPerScan);
  }

  private static void requireFeature(Plan plan, Feature feature, Limit limit) {
    if (!plan.includes(feature)) {
      throw new LimitReached(
          limit, plan.code, "The plan does not include the " + feature.code() + " feature");
    }
  }
}
