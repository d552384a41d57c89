package io.consentplatform.core.site;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.access.Versions;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Objects;

/**
 * A site's banner look, as a draft: visitors get it once the site's next version is published, like
 * texts and cookies. One check for the back office and the tenant API ({@link SiteTheme#checked}).
 */
@ApplicationScoped
@TenantScoped
public class ThemeService {

  /** The audit trail's name for a site's look. */
  public static final String AUDIT_ENTITY = "theme";

  private final Audit audit;

  public ThemeService(Audit audit) {
    this.audit = audit;
  }

  /** The draft look with the site's version, for an edit that must not overwrite another. */
  public record Versioned(SiteTheme theme, long version) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Versioned get(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    Site site = TenantScope.site(caller, siteId);
    return new Versioned(site.theme == null ? SiteTheme.PLATFORM : site.theme, site.version);
  }

  /**
   * Replaces the site's look once it is checked; saving what is already there changes nothing.
   *
   * @param expectedVersion the site's version the edit was read at, or null to overwrite
   * @throws io.consentplatform.core.error.Rejected naming the fields at fault (colour pairs with
   *     their contrast ratio)
   */
  @Transactional
  public Versioned update(Caller caller, long siteId, SiteTheme theme, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.lockedSite(caller, siteId);
    Versions.check(expectedVersion, site.version, "Site " + siteId);
    SiteTheme after = theme.checked();
    SiteTheme before = site.theme == null ? SiteTheme.PLATFORM : site.theme;
    if (Objects.equals(before, after)) {
      return new Versioned(before, site.version);
    }
    site.theme = after;
    Site.flush();
    audit.record(caller, "update", AUDIT_ENTITY, site.id, before, after);
    return new Versioned(after, site.version);
  }
}
