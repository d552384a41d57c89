package io.consentplatform.core.platform;

import io.consentplatform.core.db.DomainEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An operator's credential for server-to-server calls to the platform API ({@code cpo_...}). */
@Entity
@Table(name = "platform_api_key")
public class PlatformApiKey extends DomainEntity {

  public String name;

  /** The key's first characters, shown so that operators can tell their keys apart. */
  public String prefix;

  /** SHA-256 of the whole key: the key itself is shown once and never stored. */
  @Column(name = "key_hash")
  public String keyHash;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  static Optional<PlatformApiKey> findActiveByHash(String hash) {
    return find("keyHash = ?1 and revokedAt is null", hash).firstResultOptional();
  }

  static List<PlatformApiKey> listNewestFirst() {
    return list("order by id desc");
  }
}
