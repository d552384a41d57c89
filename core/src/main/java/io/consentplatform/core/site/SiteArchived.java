package io.consentplatform.core.site;

import io.consentplatform.core.error.DomainException;
import java.time.Instant;

/**
 * A visitor's request reached a site its owner archived: no banner, no new decision. The HTTP
 * layers answer 410 Gone; the policy page says so in the visitor's language.
 */
public class SiteArchived extends DomainException {

  private final String siteKey;
  private final String siteName;
  private final Instant archivedAt;

  public SiteArchived(String siteKey, String siteName, Instant archivedAt) {
    super("Site " + siteKey + " was archived by its owner: it records no new decisions");
    this.siteKey = siteKey;
    this.siteName = siteName;
    this.archivedAt = archivedAt;
  }

  public static SiteArchived of(Site site) {
    return new SiteArchived(site.key, site.name, site.archivedAt);
  }

  /** The same refusal again, thrown afresh for a later request. */
  public SiteArchived again() {
    return new SiteArchived(siteKey, siteName, archivedAt);
  }

  public String siteKey() {
    return siteKey;
  }

  public String siteName() {
    return siteName;
  }

  public Instant archivedAt() {
    return archivedAt;
  }
}
