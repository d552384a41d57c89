package io.consentplatform.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change in a tenant's audit trail, as the API and the back office show it.
 *
 * @param actor who acted, issuer-qualified ({@link io.consentplatform.core.access.Actor#id()})
 * @param actorEmail the e-mail shown for them, null when unknown
 */
public record AuditView(
    long id,
    String actor,
    String actorEmail,
    String action,
    String entity,
    String entityId,
    Map<String, Object> before,
    Map<String, Object> after,
    Instant recordedAt) {

  /**
   * What the change did, field by field: every field it set, altered or cleared (for a deletion,
   * every field the object had).
   */
  public List<FieldChange> changes() {
    return FieldChange.between(before, after);
  }

  /** What a person reads for the actor: the e-mail, or the actor itself when there is none. */
  public String shownActor() {
    return actorEmail != null ? actorEmail : actor;
  }

  static AuditView of(AuditEntry entry) {
    return new AuditView(
        entry.id,
        entry.actor,
        entry.actorEmail,
        entry.action,
        entry.entity,
        entry.entityId,
        entry.before,
        entry.after,
        entry.recordedAt);
  }
}
