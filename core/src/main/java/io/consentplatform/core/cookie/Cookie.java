package io.consentplatform.core.cookie;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.db.DomainEntity;
import io.consentplatform.core.site.Site;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A cookie (or a family of cookies, when {@link #wildcard}) that a site declares. */
@Entity
public class Cookie extends DomainEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "site_id")
  public Site site;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "provider_id")
  public Provider provider;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "category_id")
  public Category category;

  /** The cookie's name, or its prefix when {@link #wildcard} is set (e.g. {@code _ga_}). */
  public String name;

  public boolean wildcard;

  /** How long the browser keeps it: see {@link #retention()}. */
  @Enumerated(EnumType.STRING)
  @Column(name = "retention_unit")
  public Retention.Unit retentionUnit;

  @Column(name = "retention_amount")
  public Integer retentionAmount;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "retention_notes")
  public Map<String, String> retentionNotes = new TreeMap<>();

  @Enumerated(EnumType.STRING)
  public Party party;

  /** The domain the cookie is set on, when it is not the site's own. */
  public String domain;

  public int position;

  /** Where the browser keeps it: a cookie, or a localStorage or sessionStorage key. */
  @Enumerated(EnumType.STRING)
  public Storage storage = Storage.COOKIE;

  /** Set by the server with HttpOnly: the banner cannot remove it from script. */
  @Column(name = "http_only")
  public boolean httpOnly;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, CookieText> texts = new TreeMap<>();

  @Version public long version;

  /** Takes over a declaration whose provider and category were already found on the site. */
  public void declare(CookieEdit edit, Provider provider, Category category) {
    this.name = edit.name();
    this.wildcard = edit.wildcard();
    this.provider = provider;
    this.category = category;
    setRetention(edit.retention().noteLanguageKnown(site.defaultLanguage));
    this.party = edit.party();
    this.domain = edit.domain();
    this.position = edit.position();
    this.texts = new TreeMap<>(edit.texts());
    this.storage = edit.storage();
    this.httpOnly = edit.httpOnly();
  }

  /** How long the browser keeps it, as one value. */
  public Retention retention() {
    return new Retention(retentionUnit, retentionAmount, retentionNotes);
  }

  public void setRetention(Retention retention) {
    this.retentionUnit = retention.unit();
    this.retentionAmount = retention.amount();
    this.retentionNotes = new TreeMap<>(retention.notes());
  }

  public static List<Cookie> listForSite(Site site) {
    return list(
        "from Cookie c join fetch c.provider join fetch c.category where c.site = ?1"
            + " order by c.category.position, c.position, c.name",
        site);
  }
}
