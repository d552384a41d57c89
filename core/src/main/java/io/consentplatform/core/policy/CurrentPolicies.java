package io.consentplatform.core.policy;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.metrics.PlatformMetrics;
import io.consentplatform.core.site.SiteArchived;
import io.consentplatform.core.site.SiteChanged;
import io.consentplatform.core.site.SiteKeys;
import io.consentplatform.core.site.UnknownSites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The version each site's visitors are asked about now, kept in memory: the banner is fetched on
 * every page view of every site and must not cost a query. A publication anywhere invalidates it,
 * here at once and on other instances through {@link PolicyChangeListener}.
 */
@ApplicationScoped
public class CurrentPolicies {

  private static final Known NOTHING = new Known(Optional.empty(), null);

  private final PolicyService policies;
  private final PlatformMetrics metrics;
  // Sites with a version or archived: as many as the database holds, never evicted.
  private final Map<String, Known> bySite = new ConcurrentHashMap<>();
  // Keys with nothing published (mostly keys of no site), so that a flood of them does not reach
  // the database; bounded apart, so that such a flood cannot evict the sites above.
  private final UnknownSites nothingPublished;
  private final AtomicLong invalidations = new AtomicLong();

  public CurrentPolicies(PolicyService policies, PlatformMetrics metrics, CoreConfig config) {
    this.policies = policies;
    this.metrics = metrics;
    this.nothingPublished = new UnknownSites(config.unknownSitesRemembered());
  }

  /**
   * What memory knows of a site: its current version (empty when it has none), or that it is
   * archived. Archived sites are remembered too, since their pages may still embed the banner.
   */
  private record Known(Optional<PublishedPolicy> policy, SiteArchived archived) {}

  /**
   * The site's current version if memory holds it, without ever asking the database; empty when the
   * site has none, is archived, or memory does not know yet ({@link #of} tells them apart).
   */
  public Optional<PublishedPolicy> known(String siteKey) {
    Known cached = bySite.get(siteKey);
    if (cached == null || cached.archived() != null) {
      return Optional.empty();
    }
    metrics.policyLookedUp(true);
    return cached.policy();
  }

  /**
   * The current published version of the site, if the site exists and ever published.
   *
   * @throws SiteArchived when its owner archived the site
   */
  public Optional<PublishedPolicy> of(String siteKey) {
    if (!SiteKeys.wellFormed(siteKey)) {
      return Optional.empty();
    }
    Known cached = nothingPublished.contains(siteKey) ? NOTHING : bySite.get(siteKey);
    metrics.policyLookedUp(cached != null);
    if (cached == null) {
      cached = load(siteKey);
    }
    if (cached.archived() != null) {
      throw cached.archived().again();
    }
    return cached.policy();
  }

  private Known load(String siteKey) {
    long before = invalidations.get();
    Known loaded;
    try {
      loaded = new Known(policies.current(siteKey), null);
    } catch (SiteArchived archived) {
      loaded = new Known(Optional.empty(), archived);
    }
    // An invalidation during the load may mean the loaded version is already outdated.
    if (invalidations.get() == before) {
      if (loaded.policy().isEmpty() && loaded.archived() == null) {
        nothingPublished.add(siteKey);
      } else {
        bySite.put(siteKey, loaded);
      }
    }
    return loaded;
  }

  void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyPublished published) {
    forget(published.siteKey());
  }

  /** A site's settings say whether it is archived, which this memory answers for too. */
  void onSiteChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteChanged changed) {
    forget(changed.siteKey());
  }

  void forget(String siteKey) {
    invalidations.incrementAndGet();
    bySite.remove(siteKey);
    nothingPublished.remove(siteKey);
  }

  void forgetAll() {
    invalidations.incrementAndGet();
    bySite.clear();
    nothingPublished.clear();
  }
}
