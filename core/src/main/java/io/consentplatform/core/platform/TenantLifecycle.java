package io.consentplatform.core.platform;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.plan.PlanService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.tenant.AddedMember;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.NewMember;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import io.consentplatform.core.tenant.TenantState;
import io.consentplatform.core.usage.MonthlyUsage;
import io.consentplatform.core.usage.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What operators do with tenants: create one with its first owner, suspend, reactivate and archive
 * it, and the directory of them all. It spans tenants, so it runs under the platform's own role;
 * each change is written in the tenant's own audit trail, as the operator.
 */
@ApplicationScoped
public class TenantLifecycle {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  // One row per tenant: what the directory shows beside the monthly usage.
  private static final String DIRECTORY =
      "select t.id,"
          + " (select count(*) from site s where s.tenant_id = t.id and s.archived_at is null),"
          + " (select max(c.created_at) from scan c where c.tenant_id = t.id),"
          + " (select c.status from scan c where c.tenant_id = t.id"
          + "   order by c.created_at desc, c.id desc limit 1),"
          + " (select count(*) from tenant_member m where m.tenant_id = t.id),"
          + " (select string_agg(m.email, ',' order by m.email) from tenant_member m"
          + "   where m.tenant_id = t.id and m.role = 'OWNER')"
          + " from tenant t";

  private final Audit audit;
  private final MemberService members;
  private final SiteService sites;
  private final UsageReport usage;
  private final EntityManager entityManager;
  private final PlanService plans;
  private final Clock clock = Clock.systemUTC();

  public TenantLifecycle(
      Audit audit,
      MemberService members,
      SiteService sites,
      UsageReport usage,
      EntityManager entityManager,
      PlanService plans) {
    this.plans = plans;
    this.audit = audit;
    this.members = members;
    this.sites = sites;
    this.usage = usage;
    this.entityManager = entityManager;
  }

  /**
   * A new tenant and its first owner: the local account {@code ownerEmail} (invited by a one-time
   * link unless the account exists, whose holder just finds the tenant on signing in), or the
   * identity provider's {@code ownerSubject} when one is given.
   */
  @Transactional
  public CreatedTenant create(
      Actor operator, String slug, String name, String ownerEmail, String ownerSubject) {
    String theSlug = slug == null ? "" : slug.strip();
    String theName = name == null ? "" : name.strip();
    String email = ownerEmail == null ? "" : ownerEmail.strip();
    if (!SLUG.matcher(theSlug).matches()) {
      throw new Rejected("slug", "2 to 63 lower-case letters, digits and dashes");
    }
    if (theName.isEmpty() || theName.length() > 200) {
      throw new Rejected("name", "A name of 1 to 200 characters is needed");
    }
    if (!email.matches("[^@\\s]+@[^@\\s]+") || email.length() > 320) {
      throw new Rejected("ownerEmail", "The owner's e-mail address is needed");
    }
    String subject =
        ownerSubject == null || ownerSubject.isBlank()
            ? LocalAccount.subjectOf(email)
            : ownerSubject.strip();
    if (Tenant.findBySlug(theSlug).isPresent()) {
      throw new Conflict("A tenant " + theSlug + " exists already");
    }
    Tenant tenant = Tenant.create(theSlug, theName);
    tenant.plan = plans.defaultPlan();
    Tenant.flush();
    Caller caller = asOperator(tenant, operator);
    audit.record(
        caller,
        "create",
        "tenant",
        tenant.id,
        null,
        Map.of("slug", theSlug, "name", theName, "owner", email));
    // Adding the owner confines the rest of this transaction to the new tenant.
    AddedMember owner = members.addAndInvite(caller, new NewMember(subject, email, Role.OWNER));
    return new CreatedTenant(summaryOf(tenant.id), owner.invitation());
  }

  /** Its members may only read from now on; its banners go on serving and recording. */
  @Transactional
  public TenantSummary suspend(Actor operator, long tenantId) {
    return change(operator, tenantId, TenantState.SUSPENDED, "suspend");
  }

  /**
   * Lets a suspended tenant's members work again.
   *
   * @throws Conflict for an archived tenant: its sites were archived and it stays closed
   */
  @Transactional
  public TenantSummary reactivate(Actor operator, long tenantId) {
    return change(operator, tenantId, TenantState.ACTIVE, "reactivate");
  }

  /**
   * Closes a tenant: its members no longer reach it, its keys stop, and each of its sites is
   * archived as its owner would archive it, so that its banners stop on every instance at once.
   * Proof of consent stays until retention ends it.
   */
  @Transactional
  public TenantSummary archive(Actor operator, long tenantId) {
    TenantSummary after = change(operator, tenantId, TenantState.ARCHIVED, "archive");
    Caller caller = new Caller(tenantId, operator.id(), operator.email(), Role.OWNER, false);
    List<Long> inUse =
        Site.<Site>list("tenant.id = ?1 and archivedAt is null", tenantId).stream()
            .map(s -> s.id)
            .toList();
    // Confines the rest of the transaction to the tenant, which is all that is left to do.
    inUse.forEach(siteId -> sites.archive(caller, siteId));
    return new TenantSummary(
        after.id(),
        after.slug(),
        after.name(),
        after.plan(),
        after.state(),
        after.stateChangedAt(),
        after.stateChangedBy(),
        after.createdAt(),
        0,
        after.bannerViews(),
        after.decisions(),
        after.lastScanAt(),
        after.lastScanStatus(),
        after.members(),
        after.ownerEmails());
  }

  /** Every tenant, archived ones too, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TenantSummary> directory() {
    return summaries(null);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public TenantSummary tenant(long tenantId) {
    return summaryOf(tenantId);
  }

  private TenantSummary change(Actor operator, long tenantId, TenantState to, String action) {
    Tenant tenant =
        Tenant.<Tenant>findByIdOptional(tenantId)
            .orElseThrow(() -> new NotFound("Tenant " + tenantId));
    Tenant.getEntityManager().lock(tenant, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    TenantState from = tenant.state;
    if (from == TenantState.ARCHIVED) {
      throw new Conflict("Tenant " + tenant.slug + " is archived: it cannot change any more");
    }
    if (from == to) {
      return summaryOf(tenantId);
    }
    tenant.state = to;
    tenant.stateChangedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    tenant.stateChangedBy = operator.id();
    Tenant.flush();
    audit.record(
        asOperator(tenant, operator),
        action,
        "tenant",
        tenant.id,
        Map.of("state", from.name()),
        Map.of("state", to.name()));
    return summaryOf(tenantId);
  }

  /** The operator, acting in the tenant's trail with every right but never confined by a state. */
  private static Caller asOperator(Tenant tenant, Actor operator) {
    return new Caller(tenant.id, operator.id(), operator.email(), Role.OWNER, false);
  }

  private TenantSummary summaryOf(long tenantId) {
    List<TenantSummary> found = summaries(tenantId);
    if (found.isEmpty()) {
      throw new NotFound("Tenant " + tenantId);
    }
    return found.get(0);
  }

  private List<TenantSummary> summaries(Long tenantId) {
    YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    Map<Long, MonthlyUsage> used =
        tenantId == null ? usage.forMonth(month) : Map.of(tenantId, usage.of(tenantId, month));
    var query =
        entityManager.createNativeQuery(
            DIRECTORY + (tenantId == null ? " order by t.id" : " where t.id = ?1"));
    if (tenantId != null) {
      query.setParameter(1, tenantId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<TenantSummary> summaries = new ArrayList<>();
    for (Object[] row : rows) {
      long id = ((Number) row[0]).longValue();
      Tenant tenant = Tenant.findById(id);
      MonthlyUsage month1 = used.getOrDefault(id, MonthlyUsage.none(id, month));
      summaries.add(
          new TenantSummary(
              id,
              tenant.slug,
              tenant.name,
              tenant.plan,
              tenant.state,
              tenant.stateChangedAt,
              tenant.stateChangedBy,
              tenant.createdAt,
              ((Number) row[1]).longValue(),
              month1.bannerViews(),
              month1.decisions(),
              instant(row[2]),
              row[3] == null ? null : row[3].toString(),
              ((Number) row[4]).longValue(),
              row[5] == null ? List.of() : Arrays.asList(row[5].toString().split(","))));
    }
    return summaries;
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return Instant.parse(value.toString());
  }
}
