package io.consentplatform.core.access;

import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.tenant.Role;

/**
 * Who is acting, for which tenant, with which role: resolved from a token or an API key by the HTTP
 * layers, never from a request parameter. Every tenant operation takes one.
 *
 * @param tenantId the tenant acted for; every lookup is confined to it
 * @param actor who acts, as the audit trail names them ({@code alice@example.org}, {@code
 *     api-key:3})
 */
public record Caller(long tenantId, String actor, Role role) {

  /** Refuses the operation unless the caller's role includes {@code needed}. */
  public void require(Role needed) {
    if (!role.includes(needed)) {
      throw new Forbidden("This needs the " + needed + " role; you have " + role);
    }
  }
}
