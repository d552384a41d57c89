package io.consentplatform.core.cookie;

/**
 * Where a declared item is kept in the visitor's browser: what a refusal must clear, and how (a
 * cookie is expired on each domain and path it may have; a storage key is removed).
 */
public enum Storage {
  COOKIE,
  LOCAL_STORAGE,
  SESSION_STORAGE
}
