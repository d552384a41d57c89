package io.consentplatform.core.audit;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.db.DomainJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Writes the audit trail, in the transaction of the change it describes. */
@ApplicationScoped
public class Audit {

  /**
   * Records a change. {@code before} and {@code after} are the views the API shows (null for a
   * creation's before and a deletion's after), so the trail reads like the API.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      Caller caller, String action, String entity, Object entityId, Object before, Object after) {
    write(
        caller.tenantId(),
        new Actor(caller.actor(), caller.actorEmail()),
        action,
        entity,
        entityId,
        before,
        after);
  }

  /**
   * Records what a platform operator did outside any tenant (a plan, the operator list, an operator
   * key): no tenant's trail shows it, the console's does.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordPlatform(
      Actor operator, String action, String entity, Object entityId, Object before, Object after) {
    write(null, operator, action, entity, entityId, before, after);
  }

  private void write(
      Long tenantId,
      Actor actor,
      String action,
      String entity,
      Object entityId,
      Object before,
      Object after) {
    AuditEntry entry = new AuditEntry();
    entry.tenantId = tenantId;
    entry.actor = actor.id();
    entry.actorEmail = actor.email();
    entry.action = action;
    entry.entity = entity;
    entry.entityId = entityId == null ? null : String.valueOf(entityId);
    entry.before = asMap(before);
    entry.after = asMap(after);
    entry.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    entry.persist();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object view) {
    return view == null ? null : DomainJson.mapper().convertValue(view, Map.class);
  }
}
