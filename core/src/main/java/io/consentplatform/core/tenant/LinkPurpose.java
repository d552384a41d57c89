package io.consentplatform.core.tenant;

/** What a one-time link lets its holder do: both end with setting a local account's password. */
public enum LinkPurpose {
  /** Set the first password of an account a tenant's owner added as a member. */
  INVITATION,
  /** Set a new password for an account that exists. */
  PASSWORD_RESET
}
