package io.consentplatform.core.policy;

import io.consentplatform.core.site.Site;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.Immutable;

/**
 * A published, numbered and immutable snapshot of a site's policy. Visitors always consent to one
 * version; the database refuses any update or delete of a row once written.
 */
@Entity
@Immutable
@Table(name = "policy_version")
public class PolicyVersion extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "site_id")
  public Site site;

  /** 1 for a site's first publication, then one more for each. */
  public int number;

  /** SHA-256 (hex) of {@link #snapshot}, exactly as stored. */
  @Column(name = "content_hash")
  public String contentHash;

  /** The {@link PolicySnapshot} as canonical JSON; the hash covers these very characters. */
  public String snapshot;

  /**
   * The number of the latest version, this one included, that asked visitors again: decisions made
   * on it or later still stand. Equal to {@link #number} when this version asked again.
   */
  @Column(name = "consent_revision")
  public int consentRevision;

  @Column(name = "published_at")
  public Instant publishedAt;

  /** Who published, issuer-qualified ({@link io.consentplatform.core.access.Actor#id()}). */
  @Column(name = "published_by")
  public String publishedBy;

  /** The e-mail shown for the publisher; null when unknown or from before it was kept apart. */
  @Column(name = "published_by_email")
  public String publishedByEmail;

  public static Optional<PolicyVersion> findLatest(Site site) {
    return find("site = ?1 order by number desc", site).firstResultOptional();
  }

  public static Optional<PolicyVersion> findByNumber(Site site, int number) {
    return find("site = ?1 and number = ?2", site, number).firstResultOptional();
  }
}
