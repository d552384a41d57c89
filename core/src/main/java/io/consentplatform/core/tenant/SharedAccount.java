package io.consentplatform.core.tenant;

import io.consentplatform.core.error.Conflict;

/**
 * Refuses an owner's reset link for an account that has no password here to reset, or that also
 * works in another tenant: one tenant's owner must never be able to take over another's member.
 */
public class SharedAccount extends Conflict {

  public SharedAccount() {
    super("Only the person can reset the password of this account");
  }
}
