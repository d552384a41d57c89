package io.consentplatform.core.access;

import io.consentplatform.core.error.Forbidden;

/** A change asked of a tenant that an operator suspended: its members may only read. */
public class TenantSuspended extends Forbidden {

  public TenantSuspended() {
    super(
        "This organisation is suspended by the platform's operator: its banners keep working and"
            + " recording decisions, but nothing can be changed until it is reactivated");
  }
}
