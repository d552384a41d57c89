package io.consentplatform.core.demo;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.audit.AuditEntry;
import io.consentplatform.core.category.Category;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.CookieEdit;
import io.consentplatform.core.cookie.Provider;
import io.consentplatform.core.db.DatabaseReady;
import io.consentplatform.core.db.DomainJson;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.RegionSettingsService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Creates the demo tenant, Town of Cary, on the first start: the cookies of its real open-data
 * portal, published as policy version 1. Nothing happens when it already exists.
 *
 * <p>The portal's published policy gives no retention periods; the demo uses the defaults of the
 * Django framework those cookies come from, and the platform's own lifetime for its cookie.
 */
@ApplicationScoped
public class DemoTenant {

  static final String RESOURCE = "/demo/town-of-cary.json";

  // Any constant works: it only has to be the same for every instance starting at once.
  private static final long SEED_LOCK = 0x5EED_0001L;

  private static final Logger LOG = Logger.getLogger(DemoTenant.class);

  private final PolicyService policies;
  private final EntityManager entityManager;
  private final boolean enabled;

  public DemoTenant(PolicyService policies, EntityManager entityManager, CoreConfig config) {
    this.policies = policies;
    this.entityManager = entityManager;
    this.enabled = config.demo().enabled();
  }

  void onDatabaseReady(@Observes DatabaseReady ready) {
    if (enabled) {
      seed();
    }
  }

  /** Creates and publishes the demo unless its tenant exists. */
  @Transactional
  public void seed() {
    // Several instances may start against one database: let one of them seed.
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, SEED_LOCK)
        .getSingleResult();
    DemoContent content = read();
    if (Tenant.findBySlug(content.tenant().slug()).isPresent()) {
      giveRegionRules(DemoSite.KEY);
      return;
    }
    Tenant tenant = Tenant.create(content.tenant().slug(), content.tenant().name());
    Site site = createSite(tenant, content.site());
    Map<String, Category> categories = new HashMap<>();
    int position = 0;
    for (DemoContent.CategoryEntry entry : content.categories()) {
      Category category = new Category();
      category.site = site;
      category.key = entry.key();
      category.purpose = entry.purpose();
      category.required = entry.required();
      category.position = position++;
      category.texts = new TreeMap<>(entry.texts());
      category.persist();
      categories.put(category.key, category);
    }
    Map<String, Provider> providers = new HashMap<>();
    for (DemoContent.ProviderEntry entry : content.providers()) {
      Provider provider = new Provider();
      provider.site = site;
      provider.name = entry.name();
      provider.privacyPolicyUrl = entry.privacyPolicyUrl();
      provider.persist();
      providers.put(provider.name, provider);
    }
    position = 0;
    for (DemoContent.CookieEntry entry : content.cookies()) {
      Cookie cookie = new Cookie();
      cookie.site = site;
      cookie.declare(
          new CookieEdit(
              entry.name(),
              false,
              entry.provider(),
              entry.category(),
              entry.retention(),
              entry.party(),
              entry.domain(),
              position++,
              entry.texts()),
          providers.get(entry.provider()),
          categories.get(entry.category()));
      cookie.persist();
    }
    entityManager.flush();
    policies.publish(site.id, "demo");
    LOG.infof("Created the demo tenant %s with site %s", tenant.name, site.key);
  }

  /**
   * A demo seeded before regions existed (V20) asks everyone first, as every site made then does;
   * the demo is there to show the experiences, so it gets its rules and publishes them once. A demo
   * whose rules someone changed since (the audit trail says so) keeps them.
   */
  void giveRegionRules(String siteKey) {
    Optional<Site> found = Site.findByKey(siteKey);
    if (found.isEmpty()
        || found.get().isArchived()
        || !found.get().regionRules.equals(RegionRules.EVERYWHERE_OPT_IN)
        || AuditEntry.count(
                "entity = ?1 and entityId = ?2",
                RegionSettingsService.AUDIT_ENTITY,
                String.valueOf(found.get().id))
            > 0) {
      return;
    }
    Site site = found.get();
    site.regionRules = RegionRules.DEMO;
    entityManager.flush();
    policies.publish(site.id, "demo");
    LOG.infof("The demo site %s now has its rules by region, published", site.key);
  }

  private static Site createSite(Tenant tenant, DemoContent.SiteEntry entry) {
    Site site = new Site();
    site.tenant = tenant;
    site.key = entry.key();
    site.name = entry.name();
    site.domains = entry.domains();
    site.languages = entry.languages();
    site.defaultLanguage = entry.defaultLanguage();
    site.texts = new TreeMap<>(entry.texts());
    // A town in North Carolina: most visitors in the US, where they opt out; Europeans opt in.
    site.regionRules = RegionRules.DEMO;
    site.persist();
    return site;
  }

  private static DemoContent read() {
    try (InputStream in = DemoTenant.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return DomainJson.mapper().readValue(in, DemoContent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
