package io.consentplatform.core.plan;

import io.consentplatform.core.db.DomainEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a tenant may use: its limits (null is no limit) and the optional capabilities it includes. A
 * tenant names its plan by {@link #code}.
 */
@Entity
public class Plan extends DomainEntity {

  /** The plan every tenant had before plans existed, and has unless an operator says otherwise. */
  public static final String UNLIMITED = "unlimited";

  public String code;
  public String name;

  @Column(name = "max_sites")
  public Integer maxSites;

  @Column(name = "max_members")
  public Integer maxMembers;

  @Column(name = "max_decisions_per_month")
  public Long maxDecisionsPerMonth;

  @Column(name = "max_scans_per_month")
  public Integer maxScansPerMonth;

  @Column(name = "max_pages_per_scan")
  public Integer maxPagesPerScan;

  /** The optional capabilities included, by {@link Feature#code()}. */
  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> features = new ArrayList<>();

  /** Written from the configuration at start-up: edited there, not in the console. */
  @Column(name = "from_configuration")
  public boolean fromConfiguration;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;

  public static Optional<Plan> findByCode(String code) {
    return find("code", code).firstResultOptional();
  }

  public boolean includes(Feature feature) {
    return features.contains(feature.code());
  }
}
