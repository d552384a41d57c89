package io.consentplatform.core.site;

import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Which experience a site's visitors get by region, and how long a refusal is remembered: what a
 * tenant edits, through the API and the back office alike, and sees. Drafts until published.
 *
 * @param rules in order: the first covering a visitor's region wins; none is allowed
 * @param otherwise for a visitor no rule covers, or whose region is unknown
 * @param refusalLifetimeDays how long a refusal of every optional category is remembered; null for
 *     the platform's six months
 */
public record RegionSettings(
    List<RegionRule> rules,
    @NotNull Experience otherwise,
    @Min(Site.MIN_REFUSAL_LIFETIME_DAYS) @Max(Site.MAX_CONSENT_LIFETIME_DAYS)
        Integer refusalLifetimeDays) {

  public RegionSettings {
    rules = rules == null ? List.of() : rules;
    refusalLifetimeDays =
        refusalLifetimeDays == null ? Site.MIN_REFUSAL_LIFETIME_DAYS : refusalLifetimeDays;
  }

  /** The platform's default rules with a six-month refusal: what a tenant may start from. */
  public static final RegionSettings PLATFORM_DEFAULT =
      of(RegionRules.PLATFORM_DEFAULT, Site.MIN_REFUSAL_LIFETIME_DAYS);

  public static RegionSettings of(Site site) {
    return of(site.regionRules, site.refusalLifetimeDays);
  }

  static RegionSettings of(RegionRules rules, int refusalLifetimeDays) {
    return new RegionSettings(rules.rules(), rules.otherwise(), refusalLifetimeDays);
  }

  /** The rules as the site keeps them. */
  public RegionRules regionRules() {
    return new RegionRules(rules, otherwise);
  }
}
