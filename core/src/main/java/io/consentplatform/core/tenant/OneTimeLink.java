package io.consentplatform.core.tenant;

import io.consentplatform.core.db.DomainEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A link that sets a local account's password once, before it expires. Only the SHA-256 of its
 * secret is stored: whoever reads the table cannot use a link.
 */
@Entity
@Table(name = "one_time_link")
public class OneTimeLink extends DomainEntity {

  /** The inviting tenant; null for a password reset. */
  @Column(name = "tenant_id")
  public Long tenantId;

  @Enumerated(EnumType.STRING)
  public LinkPurpose purpose;

  /** The local account the link sets the password of. */
  public String email;

  @Column(name = "token_hash")
  public String tokenHash;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "used_at")
  public Instant usedAt;

  @Column(name = "created_by")
  public String createdBy;

  /** Whether the link can still be used at {@code now}. */
  public boolean usableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  static Optional<OneTimeLink> findByTokenHash(String hash) {
    return find("tokenHash", hash).firstResultOptional();
  }

  /** The same, locked until the transaction ends, so that two uses of one link cannot both win. */
  static Optional<OneTimeLink> lockByTokenHash(String hash) {
    return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
  }

  /** The links of a tenant that can still be used, for its members page. */
  static List<OneTimeLink> usableInvitations(long tenantId, Instant now) {
    return list(
        "tenantId = ?1 and purpose = ?2 and usedAt is null and expiresAt > ?3",
        tenantId,
        LinkPurpose.INVITATION,
        now);
  }
}
