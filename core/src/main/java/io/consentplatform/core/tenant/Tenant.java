package io.consentplatform.core.tenant;

import io.consentplatform.core.db.DomainEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Optional;

/** An organisation that runs one or more sites: a city's portal, a shop, a newspaper. */
@Entity
public class Tenant extends DomainEntity {

  public String slug;

  public String name;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;

  /** How long proof of consent is kept before retention removes it; five years by default. */
  @Column(name = "consent_retention_days", insertable = false)
  public int consentRetentionDays;

  /** The code of the tenant's {@code Plan}: what it may use. */
  public String plan = "unlimited";

  @Enumerated(EnumType.STRING)
  public TenantState state = TenantState.ACTIVE;

  /** When an operator last suspended, reactivated or archived it. */
  @Column(name = "state_changed_at")
  public Instant stateChangedAt;

  /** Who did, as the audit trail names them. */
  @Column(name = "state_changed_by")
  public String stateChangedBy;

  public static Optional<Tenant> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }

  public static Tenant create(String slug, String name) {
    Tenant tenant = new Tenant();
    tenant.slug = slug;
    tenant.name = name;
    tenant.persist();
    return tenant;
  }
}
