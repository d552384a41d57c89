package io.consentplatform.app;

import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** People of the demo tenant for the browser tests: a local account and its membership. */
final class DemoMembers {

  private DemoMembers() {}

  /** Adds {@code email} to the demo tenant with {@code role}; the password is "pw-" + email. */
  static void add(LocalAccounts accounts, String email, Role role) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              accounts.create(email, "pw-" + email);
              TenantMember member = new TenantMember();
              member.tenant = Site.findByKey("townofcary").orElseThrow().tenant;
              member.subject = LocalAccount.subjectOf(email);
              member.email = email;
              member.role = role;
              member.persist();
            });
  }
}
