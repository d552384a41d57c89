package io.consentplatform.core.tenant;

import io.consentplatform.core.db.DomainEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
