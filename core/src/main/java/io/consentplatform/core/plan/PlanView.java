package io.consentplatform.core.plan;

import java.util.List;

/**
 * A plan as the API and the console show it. A null limit is no limit.
 *
 * @param fromConfiguration whether it is defined in the configuration, and so only changed there
 * @param tenants how many tenants have it
 */
public record PlanView(
    String code,
    String name,
    Integer maxSites,
    Integer maxMembers,
    Long maxDecisionsPerMonth,
    Integer maxScansPerMonth,
    Integer maxPagesPerScan,
    List<String> features,
    boolean fromConfiguration,
    long tenants) {

  static PlanView of(Plan plan, long tenants) {
    return new PlanView(
        plan.code,
        plan.name,
        plan.maxSites,
        plan.maxMembers,
        plan.maxDecisionsPerMonth,
        plan.maxScansPerMonth,
        plan.maxPagesPerScan,
        List.copyOf(plan.features),
        plan.fromConfiguration,
        tenants);
  }
}
