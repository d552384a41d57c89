package io.consentplatform.core.access;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.Provider;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.scan.Scan;
import io.consentplatform.core.site.Site;
import jakarta.persistence.LockModeType;
import java.util.List;

/**
 * The one place where a tenant's operations find their data: every lookup by id is confined to the
 * caller's tenant, and something of another tenant is simply not found (404, never 403, so that ids
 * reveal nothing). Tenant-facing code never loads a site, category, provider, cookie or scan by id
 * any other way.
 */
public final class TenantScope {

  private TenantScope() {}

  public static List<Site> sites(Caller caller) {
    return Site.list("tenant.id = ?1 order by key", caller.tenantId());
  }

  public static Site site(Caller caller, long siteId) {
    return Site.<Site>find("id = ?1 and tenant.id = ?2", siteId, caller.tenantId())
        .firstResultOptional()
        .orElseThrow(() -> new NotFound("Site " + siteId));
  }

  /** The site named by id or key, within the caller's tenant only: another tenant's key is 404. */
  public static Site site(Caller caller, SiteRef ref) {
    if (ref.id() != null) {
      return site(caller, ref.id());
    }
    return Site.<Site>find("key = ?1 and tenant.id = ?2", ref.key(), caller.tenantId())
        .firstResultOptional()
        .orElseThrow(() -> new NotFound("Site " + ref.key()));
  }

  /** The site, locked for the rest of the transaction: publication and imports serialise on it. */
  public static Site lockedSite(Caller caller, long siteId) {
    Site site = site(caller, siteId);
    Site.getEntityManager().lock(site, LockModeType.PESSIMISTIC_WRITE);
    return site;
  }

  public static Category category(Caller caller, long siteId, long categoryId) {
    return Category.<Category>find(
            "id = ?1 and site.id = ?2 and site.tenant.id = ?3",
            categoryId,
            siteId,
            caller.tenantId())
        .firstResultOptional()
        .orElseThrow(() -> new NotFound("Category " + categoryId));
  }

  public static Provider provider(Caller caller, long siteId, long providerId) {
    return Provider.<Provider>find(
            "id = ?1 and site.id = ?2 and site.tenant.id = ?3",
            providerId,
            siteId,
            caller.tenantId())
        .firstResultOptional()
        .orElseThrow(() -> new NotFound("Provider " + providerId));
  }

  public static Cookie cookie(Caller caller, long siteId, long cookieId) {
    return Cookie.<Cookie>find(
            "id = ?1 and site.id = ?2 and site.tenant.id = ?3", cookieId, siteId, caller.tenantId())
        .firstResultOptional()
        .orElseThrow(() -> new NotFound("Cookie " + cookieId));
  }

  public static Scan scan(Caller caller, long siteId, long scanId) {
    return Scan.<Scan>find(
            "id = ?1 and site.id = ?2 and site.tenant.id = ?3", scanId, siteId, caller.tenantId())
        .firstResultOptional()
        .orElseThrow(() -> new NotFound("Scan " + scanId));
  }
}
