package io.consentplatform.core.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change to a tenant's data: who, when, what it was before and after. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "tenant_id")
  /** Null for what an operator did outside any tenant (plans, operators, operator keys). */
  public Long tenantId;

  /** Who acted, issuer-qualified ({@link io.consentplatform.core.access.Actor#id()}). */
  public String actor;

  /** The e-mail shown for the actor; null for rows from before it was kept apart. */
  @Column(name = "actor_email")
  public String actorEmail;

  /** {@code create}, {@code update}, {@code delete}, {@code publish}, {@code import}... */
  public String action;

  /** The kind of thing changed: {@code site}, {@code cookie}, {@code api-key}... */
  public String entity;

  @Column(name = "entity_id")
  public String entityId;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> before;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> after;

  @Column(name = "recorded_at")
  public Instant recordedAt;

  public static List<AuditEntry> listForTenant(long tenantId, int limit) {
    return find("tenantId = ?1 order by recordedAt desc, id desc", tenantId).page(0, limit).list();
  }
}
