package io.consentplatform.core.signup;

import io.consentplatform.core.db.DomainEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An organisation asking to sign up, until its e-mail address is confirmed. Only the SHA-256 of the
 * confirmation link's secret is stored, like a one-time link's.
 */
@Entity
@Table(name = "signup_request")
public class SignupRequest extends DomainEntity {

  public String email;

  public String organisation;

  /** The language of the page it was asked on: the mail's. */
  public String language;

  @Column(name = "token_hash")
  public String tokenHash;

  @Column(name = "requested_at")
  public Instant requestedAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "confirmed_at")
  public Instant confirmedAt;

  /** The tenant the confirmation created. */
  @Column(name = "tenant_id")
  public Long tenantId;

  boolean usableAt(Instant now) {
    return confirmedAt == null && now.isBefore(expiresAt);
  }

  static Optional<SignupRequest> findByTokenHash(String hash) {
    return find("tokenHash", hash).firstResultOptional();
  }

  /** The same, locked, so that two confirmations of one link cannot both create a tenant. */
  static Optional<SignupRequest> lockByTokenHash(String hash) {
    return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
  }

  /** How many sign-ups the address asked for since {@code since}, whatever its letter case. */
  static long countForAddressSince(String email, Instant since) {
    return count("lower(email) = lower(?1) and requestedAt >= ?2", email, since);
  }
}
