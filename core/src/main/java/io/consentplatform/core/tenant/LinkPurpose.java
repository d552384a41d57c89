package io.consentplatform.core.tenant;

/** What a one-time link lets its holder do: each ends with setting a local account's password. */
public enum LinkPurpose {
  /** Set the first password of an account a tenant's owner added as a member. */
  INVITATION,
  /** Set a new password for an account that exists. */
  PASSWORD_RESET,
  /**
   * Set a new password for an account that exists, with a link its tenant's owner made (the account
   * works in that tenant only).
   */
  MEMBER_RESET,
  /**
   * Set the first password of the first owner, whose account a platform on its own database creates
   * without one: the link is printed in the log instead of a password.
   */
  FIRST_OWNER_SETUP
}
