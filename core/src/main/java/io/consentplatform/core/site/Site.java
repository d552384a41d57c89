package io.consentplatform.core.site;

import io.consentplatform.core.db.DomainEntity;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.scan.ScanSchedule;
import io.consentplatform.core.tenant.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A website of a tenant, known to visitors by its {@link #key} in public URLs. */
@Entity
public class Site extends DomainEntity {

  /** How long a decision stays valid when a tenant sets nothing: about six months. */
  public static final int DEFAULT_CONSENT_LIFETIME_DAYS = 182;

  /** The longest a decision may stay valid: thirteen months, as European regulators advise. */
  public static final int MAX_CONSENT_LIFETIME_DAYS = 395;

  /**
   * The shortest a refusal is remembered: six months, counted as the longest six calendar months
   * (184 days), so that a visitor who said no is not asked again before (the CNIL's practice).
   */
  public static final int MIN_REFUSAL_LIFETIME_DAYS = 184;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "tenant_id")
  public Tenant tenant;

  @Column(name = "site_key")
  public String key;

  public String name;

  /** Host names the site is served under; the banner may be called from these origins. */
  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> domains = new ArrayList<>();

  /** Languages the site's texts exist in (ISO 639-1 codes), the default among them. */
  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> languages = new ArrayList<>(List.of("en"));

  @Column(name = "default_language")
  public String defaultLanguage = "en";

  @Min(1)
  @Max(MAX_CONSENT_LIFETIME_DAYS)
  @Column(name = "consent_lifetime_days")
  public int consentLifetimeDays = DEFAULT_CONSENT_LIFETIME_DAYS;

  /**
   * How long a refusal of every optional category is remembered, separately from {@link
   * #consentLifetimeDays}: part of the published version.
   */
  @Min(MIN_REFUSAL_LIFETIME_DAYS)
  @Max(MAX_CONSENT_LIFETIME_DAYS)
  @Column(name = "refusal_lifetime_days")
  public int refusalLifetimeDays = MIN_REFUSAL_LIFETIME_DAYS;

  /**
   * Which experience visitors get by region; part of the published version. A new site starts from
   * the platform's default rules; a site made before regions existed keeps everyone asked first
   * (V20).
   */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "region_rules")
  public RegionRules regionRules = RegionRules.PLATFORM_DEFAULT;

  /**
   * The parent domain (no leading dot, e.g. {@code townofcary.org}) the banner writes its cookie
   * on, so that one decision holds on every subdomain; null: the page's own host. Part of the
   * published version.
   */
  @Column(name = "cookie_domain")
  public String cookieDomain;

  /**
   * The vendors' consent interfaces the banner tells of each choice; part of the published version.
   */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "vendor_signals")
  public List<VendorSignal> vendorSignals = new ArrayList<>(List.of(VendorSignal.GOOGLE));

  /** How the banner looks; null: the platform's look. Part of the published version. */
  @JdbcTypeCode(SqlTypes.JSON)
  public SiteTheme theme;

  /** The tenant's own wording per language; missing texts fall back to the platform's. */
  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, SiteTexts> texts = new TreeMap<>();

  // The data controller (DataController), operational like the domains: read by the policy page
  // from the current settings, never part of a published version.
  @Column(name = "controller_name")
  public String controllerName;

  @Column(name = "controller_address")
  public String controllerAddress;

  @Column(name = "controller_contact")
  public String controllerContact;

  @Column(name = "dpo_contact")
  public String dpoContact;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;

  /** When its owner archived it: its banner stopped, and it records no new decision. */
  @Column(name = "archived_at")
  public Instant archivedAt;

  /** How often the site is scanned by itself. */
  @Enumerated(EnumType.STRING)
  @Column(name = "scan_schedule")
  public ScanSchedule scanSchedule = ScanSchedule.MONTHLY;

  /** The most pages one pass of a scan visits here; null for the platform's setting. */
  @Column(name = "scan_page_cap")
  public Integer scanPageCap;

  @Version public long version;

  public static Optional<Site> findByKey(String key) {
    return find("key", key).firstResultOptional();
  }

  public static List<Site> listForTenant(Tenant tenant) {
    return list("tenant = ?1 order by key", tenant);
  }

  public boolean isArchived() {
    return archivedAt != null;
  }

  public DataController controller() {
    return new DataController(controllerName, controllerAddress, controllerContact, dpoContact);
  }

  public void useController(DataController controller) {
    DataController given = controller == null ? DataController.NONE : controller;
    controllerName = given.legalName();
    controllerAddress = given.postalAddress();
    controllerContact = given.contact();
    dpoContact = given.dpoContact();
  }

  public boolean offers(String language) {
    return languages.contains(language);
  }
}
