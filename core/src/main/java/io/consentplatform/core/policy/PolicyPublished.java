package io.consentplatform.core.policy;

/** Fired when a site's new policy version is committed. */
public record PolicyPublished(String siteKey, int number) {

  /** The PostgreSQL channel that tells every instance about it. */
  static final String CHANNEL = "policy_published";
}
