package io.consentplatform.core.site;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.access.Versions;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A tenant's sites. */
@ApplicationScoped
@TenantScoped
public class SiteService {

  private final Audit audit;
  private final Event<SiteChanged> changed;

  public SiteService(Audit audit, Event<SiteChanged> changed) {
    this.audit = audit;
    this.changed = changed;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SiteView> list(Caller caller) {
    caller.require(Role.VIEWER);
    return TenantScope.sites(caller).stream().map(SiteView::of).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public SiteView get(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return SiteView.of(TenantScope.site(caller, siteId));
  }

  @Transactional
  public SiteView create(Caller caller, SiteEdit edit) {
    caller.require(Role.EDITOR);
    if (Site.findByKey(edit.key()).isPresent()) {
      // Keys are public and global: say it is taken, not by whom.
      throw new Conflict("The site key " + edit.key() + " is taken");
    }
    Site site = new Site();
    site.tenant = Tenant.findById(caller.tenantId());
    site.key = edit.key();
    apply(site, edit);
    site.persist();
    SiteView after = SiteView.of(site);
    audit.record(caller, "create", "site", site.id, null, after);
    announce(site);
    return after;
  }

  @Transactional
  public SiteView update(Caller caller, long siteId, SiteEdit edit, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.site(caller, siteId);
    Versions.check(expectedVersion, site.version, "Site " + siteId);
    if (!site.key.equals(edit.key())) {
      throw new Rejected("key", "A site's key is part of its public URLs and cannot change");
    }
    SiteView before = SiteView.of(site);
    apply(site, edit);
    Site.flush();
    SiteView after = SiteView.of(site);
    audit.record(caller, "update", "site", site.id, before, after);
    announce(site);
    return after;
  }

  /**
   * Tells every instance, on commit, that the site's settings changed: its declared domains apply
   * at once. The event covers this instance without waiting for the notification to come back.
   */
  private void announce(Site site) {
    Site.getEntityManager()
        .createNativeQuery("select pg_notify(?1, ?2)")
        .setParameter(1, SiteChanged.CHANNEL)
        .setParameter(2, site.key)
        .getSingleResult();
    changed.fire(new SiteChanged(site.key));
  }

  private static void apply(Site site, SiteEdit edit) {
    if (!edit.languages().contains(edit.defaultLanguage())) {
      throw new Rejected(
          "defaultLanguage", "The default language must be one of the site's languages");
    }
    site.name = edit.name();
    site.domains = new ArrayList<>(edit.domains());
    site.languages = new ArrayList<>(edit.languages());
    site.defaultLanguage = edit.defaultLanguage();
    site.consentLifetimeDays =
        edit.consentLifetimeDays() == null
            ? Site.DEFAULT_CONSENT_LIFETIME_DAYS
            : edit.consentLifetimeDays();
    site.texts = edit.texts() == null ? new TreeMap<>() : new TreeMap<>(edit.texts());
  }
}
