package io.consentplatform.core.consent;

/** Where the decision was given. */
public enum ConsentMethod {
  /** The banner's first layer (accept all, reject all). */
  BANNER,
  /** The settings layer, with one switch per category. */
  SETTINGS,
  /** A tenant's own integration, through the API. */
  API
}
