package io.consentplatform.core.tenant;

import io.consentplatform.core.db.DomainEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A tenant's credential for server-to-server calls, scoped to one role. */
@Entity
@Table(name = "api_key")
public class ApiKey extends DomainEntity {

  @Column(name = "tenant_id")
  public long tenantId;

  public String name;

  /** The key's first characters, shown so that people can tell their keys apart. */
  public String prefix;

  /** SHA-256 of the whole key: the key itself is shown once and never stored. */
  @Column(name = "key_hash")
  public String keyHash;

  @Enumerated(EnumType.STRING)
  public Role role;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  public static Optional<ApiKey> findActiveByHash(String hash) {
    return find("keyHash = ?1 and revokedAt is null", hash).firstResultOptional();
  }

  public static List<ApiKey> listForTenant(long tenantId) {
    return list("tenantId = ?1 order by createdAt desc, id desc", tenantId);
  }
}
