package io.consentplatform.core.webhook;

import io.consentplatform.core.db.DomainEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant's HTTPS endpoint that receives the events it asks for, signed with its secret. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends DomainEntity {

  @Column(name = "tenant_id")
  public long tenantId;

  public String url;

  public String description;

  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> events = new ArrayList<>();

  /** The sites covered; empty covers them all. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "site_ids")
  public List<Long> siteIds = new ArrayList<>();

  public boolean enabled;

  /** Why the platform disabled it (a 410 Gone), null when a person did or it is enabled. */
  @Column(name = "disabled_reason")
  public String disabledReason;

  /** The signing secret, {@code whsec_} and base64; shown once, kept to sign. */
  public String secret;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "subscribed_at")
  public Instant subscribedAt;

  public static List<WebhookEndpoint> listForTenant(long tenantId) {
    return list("tenantId = ?1 order by id", tenantId);
  }
}
