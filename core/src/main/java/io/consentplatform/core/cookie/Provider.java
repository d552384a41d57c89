package io.consentplatform.core.cookie;

import io.consentplatform.core.db.DomainEntity;
import io.consentplatform.core.site.Site;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.util.List;

/** The provider behind cookies ("Service provider's name" on a policy page), e.g. a CMS. */
@Entity
public class Provider extends DomainEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "site_id")
  public Site site;

  public String name;

  @Column(name = "privacy_policy_url")
  public String privacyPolicyUrl;

  @Version public long version;

  public static List<Provider> listForSite(Site site) {
    return list("site = ?1 order by name", site);
  }
}
