package io.consentplatform.core.site;

import io.consentplatform.core.CoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The domains each site declares now, kept in memory: every decision and every banner request
 * checks its origin against them, and must not cost a query. They are operational settings, not
 * part of a published version, so a change applies at once: here on commit, and on other instances
 * through {@code PolicyChangeListener}, like {@code CurrentPolicies}.
 */
@ApplicationScoped
public class DeclaredDomains {

  // Sites that exist: as many as the database holds, never evicted.
  private final Map<String, List<String>> bySite = new ConcurrentHashMap<>();
  // Keys of no site, so that a flood of them does not reach the database; bounded apart, so that
  // such a flood cannot evict the sites above.
  private final UnknownSites unknown;
  private final AtomicLong invalidations = new AtomicLong();

  public DeclaredDomains(CoreConfig config) {
    this.unknown = new UnknownSites(config.unknownSitesRemembered());
  }

  /**
   * The site's domains if memory holds them, without ever asking the database; empty when the site
   * does not exist or memory does not know yet ({@link #of} tells them apart).
   */
  public Optional<List<String>> known(String siteKey) {
    return Optional.ofNullable(bySite.get(siteKey));
  }

  /** The domains the site declares now; empty when there is no such site. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<List<String>> of(String siteKey) {
    if (!SiteKeys.wellFormed(siteKey) || unknown.contains(siteKey)) {
      return Optional.empty();
    }
    List<String> cached = bySite.get(siteKey);
    if (cached != null) {
      return Optional.of(cached);
    }
    long before = invalidations.get();
    Optional<List<String>> loaded = Site.findByKey(siteKey).map(site -> List.copyOf(site.domains));
    // A change committed during the load may mean the loaded domains are already outdated.
    if (invalidations.get() == before) {
      loaded.ifPresentOrElse(found -> bySite.put(siteKey, found), () -> unknown.add(siteKey));
    }
    return loaded;
  }

  void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteChanged changed) {
    forget(changed.siteKey());
  }

  /** Forgets what memory holds of the site, which is read again on its next request. */
  public void forget(String siteKey) {
    invalidations.incrementAndGet();
    bySite.remove(siteKey);
    unknown.remove(siteKey);
  }

  /** Forgets every site, when changes may have been missed (a lost notification connection). */
  public void forgetAll() {
    invalidations.incrementAndGet();
    bySite.clear();
    unknown.clear();
  }
}
