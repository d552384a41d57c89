package io.consentplatform.core.category;

import io.consentplatform.core.db.DomainEntity;
import io.consentplatform.core.site.Site;
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

/** A group of cookies a visitor accepts or refuses as one, such as "statistics". */
@Entity
public class Category extends DomainEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "site_id")
  public Site site;

  /** Stable identifier used in the banner and in consent records, e.g. {@code statistics}. */
  public String key;

  @Enumerated(EnumType.STRING)
  public Purpose purpose;

  /** A required category is always on: the site cannot work without it, so it is not asked. */
  public boolean required;

  /**
   * Where visitors opt out rather than in, a sensitive category still waits for their consent: data
   * the US state laws protect as sensitive (health, precise location...) needs an opt-in.
   */
  public boolean sensitive;

  /** Order of appearance in the banner and on the policy page. */
  public int position;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, CategoryText> texts = new TreeMap<>();

  @Version public long version;

  public static List<Category> listForSite(Site site) {
    return list("site = ?1 order by position, key", site);
  }
}
