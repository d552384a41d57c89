package io.consentplatform.core.demo;

import io.consentplatform.core.scan.ScanReach;
import io.consentplatform.core.scan.ScanSchedule;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The demo site as this platform serves it: its real portal cannot be reached from here, so the
 * platform serves an imitation of it under its own host name ({@value #LOCAL_HOST}, which browsers
 * resolve to this machine) and the site declares that address, with the port of this start, beside
 * the real one. A scan of the demo site visits that local copy only: the one loopback address the
 * scanner may reach while private networks are refused, with the platform's own address that its
 * pages load the banner from, and for the demo site only. Its scans run when asked, never on a
 * schedule.
 */
@ApplicationScoped
public class DemoSite {

  /** The demo site's key (demo/town-of-cary.json). */
  public static final String KEY = "townofcary";

  /** The host name the platform serves the demo pages under. */
  public static final String LOCAL_HOST = "townofcary.localhost";

  /** The path of the demo pages on that host. */
  public static final String PATH = "/demo/townofcary/";

  private static final Logger LOG = Logger.getLogger(DemoSite.class);

  private final EntityManager entityManager;
  private final SiteChanges changes;
  private final ScanReach reach;
  private volatile Optional<String> localDomain = Optional.empty();

  public DemoSite(EntityManager entityManager, SiteChanges changes, ScanReach reach) {
    this.entityManager = entityManager;
    this.changes = changes;
    this.reach = reach;
  }

  /** {@code townofcary.localhost:port}, the domain of the demo pages at {@code port}. */
  public static String localDomain(int port) {
    return LOCAL_HOST + ":" + port;
  }

  /** Whether {@code domain} is an address of the demo pages, on any port. */
  public static boolean isLocal(String domain) {
    String host = domain.toLowerCase(Locale.ROOT);
    return host.equals(LOCAL_HOST) || host.startsWith(LOCAL_HOST + ":");
  }

  /** The domain of the demo pages this instance serves, once {@link #serveAt} has run. */
  public Optional<String> localDomain() {
    return localDomain;
  }

  /**
   * Makes the demo site declare the demo pages at {@code port} (replacing the address of an earlier
   * start, which may have had another port) and keep its other domains, lets its scans reach the
   * demo pages and the platform at {@code port}, and turns its scheduled scans off. A platform
   * started with the demo tenant removed or never created changes no site. The change applies at
   * once on every instance, as any change of a site's domains.
   */
  @Transactional
  public void serveAt(int port) {
    String local = localDomain(port);
    localDomain = Optional.of(local);
    reach.allow(KEY, Set.of(local), Set.of("localhost:" + port));
    Optional<Site> found = Site.findByKey(KEY);
    if (found.isEmpty()) {
      return;
    }
    Site site = found.get();
    List<String> domains = new ArrayList<>();
    for (String domain : site.domains) {
      if (!isLocal(domain)) {
        domains.add(domain);
      }
    }
    domains.add(local);
    if (domains.equals(site.domains) && site.scanSchedule == ScanSchedule.OFF) {
      return;
    }
    site.domains = domains;
    // The demo pages are this platform's own: nobody needs them scanned every month.
    site.scanSchedule = ScanSchedule.OFF;
    entityManager.flush();
    changes.announce(site);
    LOG.infof("The demo site %s now declares its local demo pages at %s", site.key, local);
  }
}
