package io.consentplatform.core.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * A site's current settings as visitors' requests need them, found by its public key across tenants
 * (one of the paths {@code TenantIsolation} lists): its domains and its data controller. Unlike
 * what a published version says, these apply as soon as they are saved.
 */
@ApplicationScoped
public class PublicSites {

  /** The settings of a site that visitors' pages read. */
  public record PublicSite(
      String key, String name, List<String> domains, DataController controller) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PublicSite> find(String siteKey) {
    return Site.findByKey(siteKey)
        .map(
            site ->
                new PublicSite(site.key, site.name, List.copyOf(site.domains), site.controller()));
  }
}
