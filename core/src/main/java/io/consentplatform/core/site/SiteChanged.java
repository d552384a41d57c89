package io.consentplatform.core.site;

/** Fired when a site's settings are committed: created or changed. */
public record SiteChanged(String siteKey) {

  /** The PostgreSQL channel that tells every instance about it. */
  public static final String CHANNEL = "site_changed";
}
