package io.consentplatform.api.tenant;

import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Tenants with people in them, for tests of the tenant API. */
final class Tenants {

  private Tenants() {}

  /** Creates a site in a tenant of its own and returns the site's id. */
  static long siteWithTenant(String siteKey) {
    return SiteFixture.create(siteKey);
  }

  /** Makes {@code subject} a member of the tenant that owns {@code siteId}. */
  static void member(long siteId, String subject, Role role) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              TenantMember member = new TenantMember();
              member.tenant = Site.<Site>findById(siteId).tenant;
              member.subject = subject;
              member.email = subject + "@example.org";
              member.role = role;
              member.persist();
            });
  }

  static long tenantIdOf(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).tenant.id);
  }

  static String slugOf(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).tenant.slug);
  }
}
