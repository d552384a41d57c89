package io.consentplatform.core.tenant;

/** Where a tenant stands with the platform's operators. */
public enum TenantState {
  /** Works normally. */
  ACTIVE,
  /**
   * Its banners keep serving the last published version and recording decisions (visitors are never
   * left without a working banner), but its members can only read: every change is refused.
   */
  SUSPENDED,
  /**
   * Closed: its sites are archived, so its banners stop; its proof of consent stays until the
   * retention period ends it. Its members no longer reach it.
   */
  ARCHIVED
}
