package io.consentplatform.core.tenant;

/** A member of a tenant as the API and the back office show them. */
public record MemberView(long id, String subject, String email, Role role) {

  static MemberView of(TenantMember member) {
    return new MemberView(member.id, member.subject, member.email, member.role);
  }
}
