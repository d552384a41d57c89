package io.consentplatform.core.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Someone on the platform's own list of operators: a local account ({@code local:<email>}) or an
 * identity provider's subject ({@code <issuer>#<subject>}), as {@code Actor} ids name them.
 */
@Entity
@Table(name = "platform_operator")
public class PlatformOperator extends PanacheEntityBase {

  @Id public String subject;

  /** What the console shows for them; null when unknown. */
  public String email;

  @Column(name = "added_by")
  public String addedBy;

  @Column(name = "added_at", insertable = false, updatable = false)
  public Instant addedAt;
}
