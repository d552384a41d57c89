package io.consentplatform.core.consent;

import io.consentplatform.core.policy.PolicyVersion;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.site.Site;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Proof of one visitor's decision on one policy version. Append-only: the database refuses updates
 * and deletes, a withdrawal is a new record.
 */
@Entity
@Immutable
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

  /** Random and unguessable: it is the visitor's receipt number. */
  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "site_id")
  public Site site;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "policy_version_id")
  public PolicyVersion policyVersion;

  /** Random id kept in the visitor's cookie; never derived from the address or the browser. */
  @Column(name = "visitor_id")
  public UUID visitorId;

  @Enumerated(EnumType.STRING)
  public ConsentAction action;

  @Enumerated(EnumType.STRING)
  public ConsentMethod method;

  /** Granted (true) or refused (false), for every category of the version. */
  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Boolean> choices;

  public String language;

  /** Whether the browser sent a Global Privacy Control signal. */
  public boolean gpc;

  /**
   * The visitor's country, or country and subdivision ({@code US-CA}), as the platform resolved it
   * when recording ({@code Region}); null when unknown. Never more precise.
   */
  public String region;

  /**
   * The experience the version's rules gave that region; null only on records made before regions
   * existed, when everyone was asked first.
   */
  @Enumerated(EnumType.STRING)
  public Experience experience;

  @Column(name = "recorded_at")
  public Instant recordedAt;

  /** A coarse browser family ("Firefox"), never the full user-agent string. */
  @Column(name = "user_agent_family")
  public String userAgentFamily;

  /** The client's address with its host part zeroed, or null when not kept. */
  @Column(name = "ip_truncated")
  public String ipTruncated;

  public static Optional<ConsentRecord> findForSite(Site site, UUID id) {
    return find("id = ?1 and site = ?2", id, site).firstResultOptional();
  }
}
