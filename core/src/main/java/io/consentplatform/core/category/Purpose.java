package io.consentplatform.core.category;

/**
 * What a category's cookies are for, whatever the tenant calls it. The banner derives behaviour
 * from it: Global Privacy Control refuses {@link #MARKETING}, Google Consent Mode maps from it.
 */
public enum Purpose {
  NECESSARY,
  PREFERENCES,
  STATISTICS,
  MARKETING
}
