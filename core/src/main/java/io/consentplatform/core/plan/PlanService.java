package io.consentplatform.core.plan;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.db.DatabaseReady;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The platform's plans, which only operators define and assign. Plans of the configuration are
 * written at start-up and read-only here, so that the configuration stays their one source.
 */
@ApplicationScoped
public class PlanService {

  private static final Logger LOG = Logger.getLogger(PlanService.class);
  private static final Set<String> FEATURES =
      Arrays.stream(Feature.values()).map(Feature::code).collect(Collectors.toUnmodifiableSet());

  private final Audit audit;
  private final PlanConfig config;

  public PlanService(Audit audit, PlanConfig config) {
    this.audit = audit;
    this.config = config;
  }

  /** The code of the plan new tenants get. */
  public String defaultPlan() {
    return config.defaultPlan();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PlanView> list() {
    Map<String, Long> tenants = tenantsPerPlan();
    return Plan.<Plan>list("order by code").stream()
        .map(p -> PlanView.of(p, tenants.getOrDefault(p.code, 0L)))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public PlanView get(String code) {
    Plan plan = find(code);
    return PlanView.of(plan, Tenant.count("plan", code));
  }

  @Transactional
  public PlanView create(Actor operator, @Valid @NotNull PlanEdit edit) {
    if (edit.code() == null) {
      throw new Rejected("code", "A plan needs a code");
    }
    if (Plan.findByCode(edit.code()).isPresent()) {
      throw new Conflict("A plan " + edit.code() + " exists already");
    }
    Plan plan = new Plan();
    plan.code = edit.code();
    apply(plan, edit);
    plan.persist();
    PlanView after = PlanView.of(plan, 0);
    audit.recordPlatform(operator, "create", "plan", plan.code, null, after);
    return after;
  }

  @Transactional
  public PlanView update(Actor operator, String code, @Valid @NotNull PlanEdit edit) {
    Plan plan = editable(code);
    if (edit.code() != null && !edit.code().equals(code)) {
      throw new Rejected("code", "A plan's code cannot change: tenants name their plan by it");
    }
    long tenants = Tenant.count("plan", code);
    PlanView before = PlanView.of(plan, tenants);
    apply(plan, edit);
    Plan.flush();
    PlanView after = PlanView.of(plan, tenants);
    audit.recordPlatform(operator, "update", "plan", code, before, after);
    return after;
  }

  @Transactional
  public void delete(Actor operator, String code) {
    Plan plan = editable(code);
    long tenants = Tenant.count("plan", code);
    if (tenants > 0) {
      throw new Conflict(
          "The plan "
              + code
              + " is the plan of "
              + tenants
              + " tenant(s): give them another first");
    }
    if (code.equals(config.defaultPlan())) {
      throw new Conflict(
          "The plan " + code + " is the one new tenants get (consent.plans.default)");
    }
    audit.recordPlatform(operator, "delete", "plan", code, PlanView.of(plan, 0), null);
    plan.delete();
  }

  /** Gives a tenant another plan; the tenant's own trail records it, as the operator's doing. */
  @Transactional
  public PlanView assign(Actor operator, long tenantId, String code) {
    Tenant tenant =
        Tenant.<Tenant>findByIdOptional(tenantId)
            .orElseThrow(() -> new NotFound("Tenant " + tenantId));
    if (code == null || Plan.findByCode(code).isEmpty()) {
      throw new Rejected("plan", "There is no plan " + code);
    }
    String before = tenant.plan;
    if (!code.equals(before)) {
      tenant.plan = code;
      Tenant.flush();
      audit.record(
          new Caller(tenantId, operator, Role.OWNER),
          "update",
          "tenant-plan",
          tenantId,
          Map.of("plan", before),
          Map.of("plan", code));
    }
    return get(code);
  }

  /** The plan of a tenant, in the caller's transaction (its own tenant row is visible there). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Plan planOf(long tenantId) {
    Tenant tenant = Tenant.findById(tenantId);
    return Plan.findByCode(tenant.plan).orElseThrow(() -> new NotFound("Plan " + tenant.plan));
  }

  // After the schema is there; before anything creates tenants at start (the demo: APPLICATION +
  // 500), so that the default plan exists when they are made.
  void onDatabaseReady(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 100) DatabaseReady r) {
    int written = writeConfigured();
    if (written > 0) {
      LOG.infof("Plans of the configuration written: %d", written);
    }
  }

  /** Writes the configuration's plans; a plan it no longer names stays, as an editable one. */
  @Transactional
  int writeConfigured() {
    Plan.update("fromConfiguration = false where fromConfiguration = true");
    for (Map.Entry<String, PlanConfig.Definition> entry : config.definitions().entrySet()) {
      PlanConfig.Definition definition = entry.getValue();
      List<String> features = definition.features().orElse(List.of());
      for (String feature : features) {
        if (!FEATURES.contains(feature)) {
          throw new IllegalStateException(
              "consent.plans."
                  + entry.getKey()
                  + ".features names "
                  + feature
                  + ", which is none of "
                  + FEATURES);
        }
      }
      Plan plan = Plan.findByCode(entry.getKey()).orElseGet(Plan::new);
      plan.code = entry.getKey();
      plan.name = definition.name();
      plan.maxSites = definition.maxSites().orElse(null);
      plan.maxMembers = definition.maxMembers().orElse(null);
      plan.maxDecisionsPerMonth = definition.maxDecisionsPerMonth().orElse(null);
      plan.maxScansPerMonth = definition.maxScansPerMonth().orElse(null);
      plan.maxPagesPerScan = definition.maxPagesPerScan().orElse(null);
      plan.features = new java.util.ArrayList<>(features);
      plan.fromConfiguration = true;
      plan.persist();
    }
    Plan.flush();
    if (Plan.findByCode(config.defaultPlan()).isEmpty()) {
      throw new IllegalStateException(
          "consent.plans.default names " + config.defaultPlan() + ", which is no plan");
    }
    return config.definitions().size();
  }

  private static Plan find(String code) {
    return Plan.findByCode(code).orElseThrow(() -> new NotFound("Plan " + code));
  }

  private static Plan editable(String code) {
    Plan plan = find(code);
    if (plan.fromConfiguration) {
      throw new Conflict(
          "The plan "
              + code
              + " is defined in the configuration (consent.plans."
              + code
              + ".*): change it there");
    }
    return plan;
  }

  private static void apply(Plan plan, PlanEdit edit) {
    List<String> features = edit.features() == null ? List.of() : edit.features();
    for (String feature : features) {
      if (!FEATURES.contains(feature)) {
        throw new Rejected("features", "Unknown feature " + feature + "; known: " + FEATURES);
      }
    }
    plan.name = edit.name().strip();
    plan.maxSites = edit.maxSites();
    plan.maxMembers = edit.maxMembers();
    plan.maxDecisionsPerMonth = edit.maxDecisionsPerMonth();
    plan.maxScansPerMonth = edit.maxScansPerMonth();
    plan.maxPagesPerScan = edit.maxPagesPerScan();
    plan.features = features.stream().distinct().sorted().collect(Collectors.toList());
  }

  private static Map<String, Long> tenantsPerPlan() {
    List<Object[]> rows =
        Tenant.getEntityManager()
            .createQuery("select t.plan, count(t) from Tenant t group by t.plan", Object[].class)
            .getResultList();
    return rows.stream()
        .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
  }
}
