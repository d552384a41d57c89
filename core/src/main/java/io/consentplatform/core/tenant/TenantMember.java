package io.consentplatform.core.tenant;

import io.consentplatform.core.db.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;

/** A person (an identity provider's subject) who works in a tenant with one role. */
@Entity
@Table(name = "tenant_member")
public class TenantMember extends DomainEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "tenant_id")
  public Tenant tenant;

  /** The identity provider's stable subject identifier ({@code sub}). */
  public String subject;

  public String email;

  @Enumerated(EnumType.STRING)
  public Role role;

  public static List<TenantMember> listForSubject(String subject) {
    return list("subject", subject);
  }

  /** The tenant's members whose local account does not exist yet: they were invited. */
  static List<TenantMember> awaitingAccount(long tenantId) {
    return list(
        "from TenantMember m where m.tenant.id = ?1 and m.subject like ?2 and not exists"
            + " (from LocalAccount a where concat(?3, a.email) = m.subject)",
        tenantId,
        LocalAccount.SUBJECT_PREFIX + "%",
        LocalAccount.SUBJECT_PREFIX);
  }
}
