package io.consentplatform.core.tenant;

import io.consentplatform.core.db.DomainEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * A back-office account for when no identity provider is at hand. It only proves who someone is:
 * what they may do comes from their {@link TenantMember} rows, exactly as for people who sign in
 * through the identity provider.
 */
@Entity
@Table(name = "local_account")
public class LocalAccount extends DomainEntity {

  /** How a local account appears as a member's subject, beside identity providers' subjects. */
  public static final String SUBJECT_PREFIX = "local:";

  public String email;

  /** bcrypt, in modular crypt format. */
  @Column(name = "password_hash")
  public String passwordHash;

  /** Changes whenever the account's open sessions must end: a sign-out, a new password. */
  @Column(name = "session_version")
  public int sessionVersion;

  /** Every local account is a plain member; roles come from tenant memberships. */
  public String roles = "member";

  public static Optional<LocalAccount> findByEmail(String email) {
    return find("email", email).firstResultOptional();
  }

  public static String subjectOf(String email) {
    return SUBJECT_PREFIX + email;
  }
}
