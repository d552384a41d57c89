package io.consentplatform.core.site;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.access.Versions;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A site's rules by region and its refusal interval, as drafts: visitors get them once the site's
 * next version is published, like texts and cookies.
 */
@ApplicationScoped
@TenantScoped
public class RegionSettingsService {

  /** The audit trail's name for these settings. */
  public static final String AUDIT_ENTITY = "region-rules";

  private final Audit audit;

  public RegionSettingsService(Audit audit) {
    this.audit = audit;
  }

  /** The draft settings with the site's version, for an edit that must not overwrite another. */
  public record Versioned(RegionSettings settings, long version) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Versioned get(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    Site site = TenantScope.site(caller, siteId);
    return new Versioned(RegionSettings.of(site), site.version);
  }

  /**
   * Replaces the site's rules and refusal interval. Saving what is already there changes nothing
   * and writes no audit entry.
   *
   * @param expectedVersion the site's version the edit was read at, or null to overwrite
   * @throws Rejected naming the field ({@code rules[2].regions[0]}) of the first mistake
   */
  @Transactional
  public Versioned update(
      Caller caller, long siteId, RegionSettings settings, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.lockedSite(caller, siteId);
    Versions.check(expectedVersion, site.version, "Site " + siteId);
    RegionRules rules = checked(settings.regionRules());
    int refusal = settings.refusalLifetimeDays();
    if (refusal < Site.MIN_REFUSAL_LIFETIME_DAYS || refusal > Site.MAX_CONSENT_LIFETIME_DAYS) {
      // Bean Validation checks the API's body; this guards every other caller.
      throw new Rejected(
          "refusalLifetimeDays",
          "A refusal is remembered between "
              + Site.MIN_REFUSAL_LIFETIME_DAYS
              + " and "
              + Site.MAX_CONSENT_LIFETIME_DAYS
              + " days");
    }
    RegionSettings before = RegionSettings.of(site);
    RegionSettings after = RegionSettings.of(rules, refusal);
    if (before.equals(after)) {
      return new Versioned(before, site.version);
    }
    site.regionRules = rules;
    site.refusalLifetimeDays = refusal;
    Site.flush();
    audit.record(caller, "update", AUDIT_ENTITY, site.id, before, after);
    return new Versioned(after, site.version);
  }

  /**
   * The rules checked, their faults named as the tenant wrote them: {@code rules[i]} in the
   * settings, where the site keeps them as {@code regionRules[i]}.
   */
  private static RegionRules checked(RegionRules rules) {
    try {
      return rules.checked();
    } catch (Rejected rejected) {
      throw new Rejected(
          rejected.getMessage(),
          rejected.faults().stream()
              .map(
                  f ->
                      new Rejected.Fault(
                          f.field().replaceFirst("^regionRules", "rules"), f.message()))
              .toList());
    }
  }
}
