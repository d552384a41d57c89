package io.consentplatform.core.access;

import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.tenant.Role;

/**
 * Who is acting, for which tenant, with which role: resolved from a token or an API key by the HTTP
 * layers, never from a request parameter. Every tenant operation takes one.
 *
 * @param tenantId the tenant acted for; every lookup is confined to it
 * @param actor who acts, issuer-qualified as {@link Actor#id()} says ({@code
 *     local:alice@example.org}, {@code https://sso.example.com/realms/consent#6f1c...}, {@code
 *     api-key:3}): what the audit trail records
 * @param actorEmail the e-mail shown beside {@code actor}, from the same authentication; null when
 *     there is none
 * @param suspended whether an operator suspended the tenant: then only reading is allowed
 */
public record Caller(long tenantId, String actor, String actorEmail, Role role, boolean suspended) {

  /** A caller of a tenant that works normally. */
  public Caller(long tenantId, String actor, String actorEmail, Role role) {
    this(tenantId, actor, actorEmail, role, false);
  }

  /** A caller with nothing to show but its actor (an API key, a test, the platform itself). */
  public Caller(long tenantId, String actor, Role role) {
    this(tenantId, actor, null, role, false);
  }

  /** A caller acting as {@code actor}. */
  public Caller(long tenantId, Actor actor, Role role) {
    this(tenantId, actor.id(), actor.email(), role, false);
  }

  /** What a person reads for the actor: the e-mail, or the actor itself when there is none. */
  public String shownAs() {
    return actorEmail != null ? actorEmail : actor;
  }

  /**
   * Refuses the operation unless the caller's role includes {@code needed}. Anything beyond reading
   * is refused in a suspended tenant, whatever the role: each change a member can make asks for
   * {@link Role#EDITOR} or {@link Role#OWNER} here.
   */
  public void require(Role needed) {
    if (suspended && needed != Role.VIEWER) {
      throw new TenantSuspended();
    }
    requireToRead(needed);
  }

  /**
   * Refuses a reading unless the caller's role includes {@code needed}: what only owners may see
   * (keys, webhooks, the audit trail) they still see in a suspended tenant.
   */
  public void requireToRead(Role needed) {
    if (!role.includes(needed)) {
      throw new Forbidden("This needs the " + needed + " role; you have " + role);
    }
  }
}
