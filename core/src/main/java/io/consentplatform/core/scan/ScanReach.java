package io.consentplatform.core.scan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code host:port} pairs a site's scans may reach although they are local: the platform's own
 * demo pages, for the demo site only. Empty for every other site, so that private and loopback
 * addresses stay refused. When a site has some, its scans visit only them (its declared domains
 * name a portal the platform cannot reach).
 */
@ApplicationScoped
public class ScanReach {

  private final Map<String, Set<String>> reachable = new ConcurrentHashMap<>();

  /** Lets the scans of {@code siteKey} reach {@code hostPorts}, and only those. */
  public void allow(String siteKey, Set<String> hostPorts) {
    reachable.put(siteKey, Set.copyOf(hostPorts));
  }

  /** What the scans of {@code siteKey} may reach although local; empty for nearly every site. */
  public Set<String> reachable(String siteKey) {
    return reachable.getOrDefault(siteKey, Set.of());
  }
}
