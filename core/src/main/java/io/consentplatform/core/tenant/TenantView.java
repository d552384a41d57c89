package io.consentplatform.core.tenant;

/** A tenant as its members and the platform's operators see it. */
public record TenantView(long id, String slug, String name) {

  static TenantView of(Tenant tenant) {
    return new TenantView(tenant.id, tenant.slug, tenant.name);
  }
}
