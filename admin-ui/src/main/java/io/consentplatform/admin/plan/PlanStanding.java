package io.consentplatform.admin.plan;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.core.usage.UsageService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Whether the signed-in person's tenant is over a quota this month, for the notice the frame shows
 * on its pages ({@code inject:planStanding.overQuota}). Asked once per page, only on tenant pages.
 */
@RequestScoped
@Named("planStanding")
public class PlanStanding {

  private final AdminCaller admin;
  private final UsageService usage;
  private Boolean over;

  public PlanStanding(AdminCaller admin, UsageService usage) {
    this.admin = admin;
    this.usage = usage;
  }

  public boolean overQuota() {
    if (over == null) {
      try {
        over = usage.ofCaller(admin.get()).isOver();
      } catch (RuntimeException e) {
        // A page is never broken by its notice: no tenant, or a reading that failed, says nothing.
        over = false;
      }
    }
    return over;
  }
}
