package io.consentplatform.core.policy;

/** Fired when a site's new policy version is committed. */
public record PolicyPublished(String siteKey, int number) {

  /**
   * The PostgreSQL channel that tells every instance about it, and about any other change of what a
   * site's visitors are served (its archival): the payload is the site's key.
   */
  static final String CHANNEL = "policy_published";
}
