package io.consentplatform.admin;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;

/** What every back-office page shows around its content: the tenant, the person, their role. */
public record Chrome(
    String tenant, String actor, Role role, boolean severalTenants, String notice) {

  public static Chrome of(Caller caller, AdminCaller admin, String notice) {
    Tenant tenant = Tenant.findById(caller.tenantId());
    return new Chrome(
        tenant.name, caller.actor(), caller.role(), admin.memberships().size() > 1, notice);
  }

  public boolean canEdit() {
    return role.includes(Role.EDITOR);
  }

  public boolean isOwner() {
    return role == Role.OWNER;
  }
}
