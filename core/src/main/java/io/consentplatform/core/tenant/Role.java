package io.consentplatform.core.tenant;

/** What a member may do in a tenant; each role includes the ones below it. */
public enum Role {
  /** Reads declarations, versions and consent records. */
  VIEWER,
  /** Also edits declarations and publishes policy versions. */
  EDITOR,
  /** Also manages members and API keys. */
  OWNER;

  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }
}
