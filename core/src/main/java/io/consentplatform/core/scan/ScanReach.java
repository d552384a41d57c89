package io.consentplatform.core.scan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code host:port} pairs a site's scans may reach although they are local: the platform's own
 * demo pages, for the demo site only. Empty for every other site, so that private and loopback
 * addresses stay refused. When a site has some, its scans visit only the pages among them (its
 * declared domains name a portal the platform cannot reach); the others are reached for what those
 * pages load, such as the platform's own address, where the banner comes from. DemoSite fills them.
 */
@ApplicationScoped
public class ScanReach {

  private record Reach(Set<String> pages, Set<String> reachable) {}

  private final Map<String, Reach> bySite = new ConcurrentHashMap<>();

  /** Lets the scans of {@code siteKey} visit {@code hostPorts}, and reach only those. */
  public void allow(String siteKey, Set<String> hostPorts) {
    allow(siteKey, hostPorts, Set.of());
  }

  /**
   * Lets the scans of {@code siteKey} visit {@code pages}, and reach those and {@code loadedFrom}
   * (what the pages load, never crawled).
   */
  public void allow(String siteKey, Set<String> pages, Set<String> loadedFrom) {
    Set<String> all = new HashSet<>(pages);
    all.addAll(loadedFrom);
    bySite.put(siteKey, new Reach(Set.copyOf(pages), Set.copyOf(all)));
  }

  /** What the scans of {@code siteKey} may reach although local; empty for nearly every site. */
  public Set<String> reachable(String siteKey) {
    Reach reach = bySite.get(siteKey);
    return reach == null ? Set.of() : reach.reachable();
  }

  /** The local domains the scans of {@code siteKey} visit instead of its declared ones. */
  public Set<String> pages(String siteKey) {
    Reach reach = bySite.get(siteKey);
    return reach == null ? Set.of() : reach.pages();
  }
}
