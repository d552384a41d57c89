package io.consentplatform.core.tenant;

import io.consentplatform.core.error.Conflict;

/** Refuses to leave a tenant without an owner, who alone can add members and keys. */
public class LastOwner extends Conflict {

  public LastOwner() {
    super("A tenant keeps at least one owner");
  }
}
