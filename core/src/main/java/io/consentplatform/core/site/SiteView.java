package io.consentplatform.core.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A site as the management API shows it; {@code archivedAt} is set once its owner archived it.
 * {@code cookieDomain} and {@code vendorSignals} are the settings being edited: the banner follows
 * them once a version is published.
 */
public record SiteView(
    long id,
    String key,
    String name,
    List<String> domains,
    List<String> languages,
    String defaultLanguage,
    int consentLifetimeDays,
    Map<String, SiteTexts> texts,
    DataController controller,
    String cookieDomain,
    List<VendorSignal> vendorSignals,
    long version,
    Instant archivedAt) {

  public static SiteView of(Site site) {
    return new SiteView(
        site.id,
        site.key,
        site.name,
        List.copyOf(site.domains),
        List.copyOf(site.languages),
        site.defaultLanguage,
        site.consentLifetimeDays,
        Map.copyOf(site.texts),
        site.controller(),
        site.cookieDomain,
        List.copyOf(site.vendorSignals),
        site.version,
        site.archivedAt);
  }
}
