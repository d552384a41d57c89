package io.consentplatform.core.audit;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads a tenant's audit trail: the owners' view of who changed what. */
@ApplicationScoped
@TenantScoped
public class AuditService {

  /** The most that one reading returns. */
  public static final int MAX_ENTRIES = 1000;

  /** The newest {@code limit} changes first (1 to {@link #MAX_ENTRIES}); owners only. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AuditView> newest(Caller caller, int limit) {
    caller.requireToRead(Role.OWNER);
    int size = Math.max(1, Math.min(limit, MAX_ENTRIES));
    return AuditEntry.listForTenant(caller.tenantId(), size).stream().map(AuditView::of).toList();
  }
}
