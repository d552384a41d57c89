package io.consentplatform.core.policy;

import io.consentplatform.core.metrics.PlatformMetrics;
import io.consentplatform.core.site.SiteArchived;
import io.consentplatform.core.site.SiteChanged;
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

  // Unknown keys are cached too, so that a flood of them does not reach the database; the cap
  // keeps such a flood from filling the memory instead.
  private static final int MAX_ENTRIES = 10_000;

  private final PolicyService policies;
  private final PlatformMetrics metrics;
  private final Map<String, Known> bySite = new ConcurrentHashMap<>();
  private final AtomicLong invalidations = new AtomicLong();

  public CurrentPolicies(PolicyService policies, PlatformMetrics metrics) {
    this.policies = policies;
    this.metrics = metrics;
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
    Known cached = bySite.get(siteKey);
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
      if (bySite.size() >= MAX_ENTRIES) {
        bySite.clear();
      }
      bySite.put(siteKey, loaded);
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
  }

  void forgetAll() {
    invalidations.incrementAndGet();
    bySite.clear();
  }
}
