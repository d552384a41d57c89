package io.consentplatform.core.plan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans defined in the configuration ({@code consent.plans.<code>.*}) and new tenants' plan. */
@ConfigMapping(prefix = "consent.plans")
public interface PlanConfig {

  /** The plan a new tenant gets, by its code. */
  @WithName("default")
  @WithDefault(Plan.UNLIMITED)
  String defaultPlan();

  /** The plans written at start-up, by code; the console and the API cannot change them. */
  @WithParentName
  Map<String, Definition> definitions();

  /** One plan of the configuration; a limit left out is no limit. */
  interface Definition {
    /** Its name as the console and the tenant's plan page show it. */
    String name();

    /** How many sites (not archived) a tenant may have. */
    Optional<Integer> maxSites();

    /** How many members a tenant may have. */
    Optional<Integer> maxMembers();

    /** Decisions per month beyond which the tenant and the operators are told (never refused). */
    Optional<Long> maxDecisionsPerMonth();

    /** Scans a tenant may ask for per month. */
    Optional<Integer> maxScansPerMonth();

    /** Pages a scan may visit. */
    Optional<Integer> maxPagesPerScan();

    /** The optional capabilities included: scanner, webhooks. */
    Optional<List<String>> features();
  }
}
