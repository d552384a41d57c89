package io.consentplatform.admin;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.tenant.Membership;
import io.consentplatform.core.tenant.Role;
import java.util.List;

/**
 * What every back-office page shows around its content: the tenant, the person, their role, and
 * whether they signed in with a local account (which has a password to change); whether they are a
 * platform operator (the console's link), and whether the tenant is suspended (said on every page).
 * The operator console's pages have no tenant and no role.
 */
public record Chrome(
    String tenant,
    String actor,
    Role role,
    boolean severalTenants,
    String notice,
    boolean localAccount,
    boolean operator,
    boolean suspended) {

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
        admin.localAccount().isPresent(),
        admin.isOperator(),
        caller.suspended());
  }

  /** The frame of an operator console page: no tenant is acted for there. */
  public static Chrome ofOperator(AdminCaller admin, String notice) {
    List<Membership> memberships = admin.memberships();
    return new Chrome(
        null,
        admin.operator().email() != null ? admin.operator().email() : admin.operator().id(),
        null,
        !memberships.isEmpty(),
        notice,
        admin.localAccount().isPresent(),
        true,
        false);
  }

  /** Whether the person may change things here: never in a suspended tenant. */
  public boolean canEdit() {
    return role != null && !suspended && role.includes(Role.EDITOR);
  }

  public boolean isOwner() {
    return role == Role.OWNER;
  }
}
