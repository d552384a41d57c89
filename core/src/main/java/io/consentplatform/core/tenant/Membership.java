package io.consentplatform.core.tenant;

/** One tenant a person belongs to, for choosing which one to work in. */
public record Membership(
    long tenantId,
    String tenantSlug,
    String tenantName,
    String email,
    Role role,
    TenantState tenantState) {

  static Membership of(TenantMember member) {
    return new Membership(
        member.tenant.id,
        member.tenant.slug,
        member.tenant.name,
        member.email,
        member.role,
        member.tenant.state);
  }
}
