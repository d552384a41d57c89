package io.consentplatform.admin;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.tenant.Membership;
import io.consentplatform.core.tenant.Role;
import java.util.List;

/**
 * What every back-office page shows around its content: the tenant, the person, their role, and
 * whether they signed in with a local account (which has a password to change).
 */
public record Chrome(
    String tenant,
    String actor,
    Role role,
    boolean severalTenants,
    String notice,
    boolean localAccount) {

  public static Chrome of(Caller caller, AdminCaller admin, String notice) {
    List<Membership> memberships = admin.memberships();
    String tenant =
        memberships.stream()
            .filter(m -> m.tenantId() == caller.tenantId())
            .map(Membership::tenantName)
            .findFirst()
            .orElseThrow();
    return new Chrome(
        tenant,
        caller.shownAs(),
        caller.role(),
        memberships.size() > 1,
        notice,
        admin.localAccount().isPresent());
  }

  public boolean canEdit() {
    return role.includes(Role.EDITOR);
  }

  public boolean isOwner() {
    return role == Role.OWNER;
  }
}
