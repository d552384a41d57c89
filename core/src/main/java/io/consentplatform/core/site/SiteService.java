package io.consentplatform.core.site;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.access.Versions;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.db.DomainJson;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.plan.Quotas;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A tenant's sites. */
@ApplicationScoped
@TenantScoped
public class SiteService {

  private final Audit audit;
  private final EntityManager entityManager;
  private final SiteChanges changes;

  // Field-injected so that the plan's check is one added line in this shared service.
  @Inject Quotas quotas;

  public SiteService(Audit audit, EntityManager entityManager, SiteChanges changes) {
    this.audit = audit;
    this.entityManager = entityManager;
    this.changes = changes;
  }

  /** The sites in use: archived ones are listed by {@link #archived}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SiteView> list(Caller caller) {
    caller.require(Role.VIEWER);
    return TenantScope.sites(caller).stream()
        .filter(site -> !site.isArchived())
        .map(SiteView::of)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SiteView> archived(Caller caller) {
    caller.require(Role.VIEWER);
    return TenantScope.sites(caller).stream().filter(Site::isArchived).map(SiteView::of).toList();
  }

  /** The id of a site named by id or key, within the caller's tenant (404 otherwise). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long idOf(Caller caller, SiteRef ref) {
    caller.require(Role.VIEWER);
    return TenantScope.site(caller, ref).id;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public SiteView get(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return SiteView.of(TenantScope.site(caller, siteId));
  }

  @Transactional
  public SiteView create(Caller caller, SiteEdit edit) {
    caller.require(Role.EDITOR);
    if (edit.key().chars().noneMatch(Character::isLetter)) {
      // The tenant API reads an all-digit path segment as a site id. Only new keys: a site made
      // before this rule keeps its key (migration V13), and its settings can still be saved.
      throw new Rejected(
          "key", "A site key needs at least one letter, so that it never reads as an id");
    }
    if (Site.findByKey(edit.key()).isPresent()) {
      // Keys are public and global: say it is taken, not by whom.
      throw new Conflict("The site key " + edit.key() + " is taken");
    }
    Site site = new Site();
    quotas.allowAnotherSite(caller);
    site.tenant = Tenant.findById(caller.tenantId());
    site.key = edit.key();
    apply(site, edit);
    site.persist();
    SiteView after = SiteView.of(site);
    audit.record(caller, "create", "site", site.id, null, after);
    changes.announce(site);
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
    auditUpdate(caller, before, after);
    changes.announce(site);
    return after;
  }

  /**
   * Archives a site, owners only: its banner stops and its consent endpoint refuses new decisions
   * at once on every instance, while its proof of consent stays readable here until retention
   * removes it. Archiving an archived site changes nothing.
   */
  @Transactional
  public SiteView archive(Caller caller, long siteId) {
    return setArchived(caller, siteId, true);
  }

  /** Brings an archived site back: its banner shows again with its latest published version. */
  @Transactional
  public SiteView unarchive(Caller caller, long siteId) {
    return setArchived(caller, siteId, false);
  }

  private SiteView setArchived(Caller caller, long siteId, boolean archived) {
    caller.require(Role.OWNER);
    Site site = TenantScope.lockedSite(caller, siteId);
    if (site.isArchived() == archived) {
      return SiteView.of(site);
    }
    if (!archived) {
      quotas.allowAnotherSite(caller);
    }
    SiteView before = SiteView.of(site);
    site.archivedAt = archived ? Instant.now().truncatedTo(ChronoUnit.MICROS) : null;
    Site.flush();
    SiteView after = SiteView.of(site);
    audit.record(caller, archived ? "archive" : "unarchive", "site", site.id, before, after);
    changes.announce(site);
    return after;
  }

  /**
   * Banner texts are audited as such, one entry per language changed, naming the site and the
   * language; the site's own settings, when they changed, in an entry of the site without them.
   */
  private void auditUpdate(Caller caller, SiteView before, SiteView after) {
    Map<String, Object> settingsBefore = withoutTexts(before);
    Map<String, Object> settingsAfter = withoutTexts(after);
    // The version counts every save, texts included: it alone is no change of the settings.
    if (!withoutVersion(settingsBefore).equals(withoutVersion(settingsAfter))) {
      audit.record(caller, "update", "site", after.id(), settingsBefore, settingsAfter);
    }
    Set<String> languages = new TreeSet<>(before.texts().keySet());
    languages.addAll(after.texts().keySet());
    for (String language : languages) {
      SiteTexts old = before.texts().getOrDefault(language, SiteTexts.NONE);
      SiteTexts now = after.texts().getOrDefault(language, SiteTexts.NONE);
      if (!old.equals(now)) {
        audit.record(
            caller,
            "update",
            "banner-texts",
            after.id(),
            bannerTexts(after, language, old),
            bannerTexts(after, language, now));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutTexts(SiteView site) {
    Map<String, Object> view = DomainJson.mapper().convertValue(site, Map.class);
    view.remove("texts");
    return view;
  }

  private static Map<String, Object> withoutVersion(Map<String, Object> view) {
    Map<String, Object> copy = new LinkedHashMap<>(view);
    copy.remove("version");
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> bannerTexts(SiteView site, String language, SiteTexts texts) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("site", site.name());
    view.put("language", language);
    view.putAll(DomainJson.mapper().convertValue(texts, Map.class));
    return view;
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
    site.useController(edit.controller());
    if (CookieDomain.fault(edit.cookieDomain()).isPresent()) {
      throw new Rejected("cookieDomain", "No cookie can be written on " + edit.cookieDomain());
    }
    List<String> unreached = CookieDomain.unreached(edit.cookieDomain(), edit.domains());
    if (!unreached.isEmpty()) {
      // The edit's validation says so first, in the caller's language; this guards other callers.
      throw new Rejected(
          "cookieDomain",
          "The cookie domain "
              + edit.cookieDomain()
              + " would not reach "
              + String.join(", ", unreached));
    }
    site.cookieDomain = edit.cookieDomain();
    if (edit.vendorSignals() != null) {
      site.vendorSignals = new ArrayList<>(edit.vendorSignals());
    }
  }
}
