package io.consentplatform.core.region;

import io.consentplatform.core.error.Rejected;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A site's rules: the first rule covering the visitor's region gives the experience; a visitor
 * covered by none, or whose region is unknown, gets {@code otherwise}. Part of the published
 * version, like texts and cookies: a draft's rules apply once published.
 *
 * @param rules in order: the first that covers the region wins
 * @param otherwise for every other region, and for an unknown one
 */
public record RegionRules(List<RegionRule> rules, Experience otherwise) {

  /** The most rules a site may have, and the most regions one rule may list. */
  public static final int MAX_RULES = 50;

  public static final int MAX_REGIONS = 300;

  /**
   * Sites made before regions existed, and versions published then: everyone asked first. A site
   * keeps this until its tenant changes it, so that upgrading changes no visitor's experience.
   */
  public static final RegionRules EVERYWHERE_OPT_IN = new RegionRules(List.of(), Experience.OPT_IN);

  /**
   * What a new site starts from; docs/jurisdictions.md gives the legal basis of each line. Opt-in
   * where the law asks consent before non-essential cookies (the EEA's ePrivacy rules and GDPR, the
   * UK's PECR, Switzerland, Brazil's LGPD, Quebec's Law 25); opt-out in the US states whose laws
   * give an opt-out of sale, sharing and targeted advertising and require honouring opt-out
   * preference signals such as Global Privacy Control; elsewhere the safe side, opt-in.
   */
  public static final RegionRules PLATFORM_DEFAULT =
      new RegionRules(
          List.of(
              new RegionRule(List.of("EEA", "GB", "CH", "BR", "CA-QC"), Experience.OPT_IN),
              new RegionRule(
                  List.of(
                      "US-CA", "US-CO", "US-CT", "US-DE", "US-MD", "US-MN", "US-MT", "US-NE",
                      "US-NH", "US-NJ", "US-OR", "US-TX"),
                  Experience.OPT_OUT)),
          Experience.OPT_IN);

  /** The demo tenant's: the EU asked first, the US opt-out, elsewhere asked first. */
  public static final RegionRules DEMO =
      new RegionRules(
          List.of(
              new RegionRule(List.of("EU"), Experience.OPT_IN),
              new RegionRule(List.of("US"), Experience.OPT_OUT)),
          Experience.OPT_IN);

  public RegionRules {
    // Not List.copyOf: a null rule as a tenant sent it must reach checked(), which names it.
    rules = rules == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rules));
    otherwise = otherwise == null ? Experience.OPT_IN : otherwise;
  }

  /** The experience of a visitor in {@code region}; empty when unknown. */
  public Experience experienceFor(Optional<Region> region) {
    return region.flatMap(this::ruleFor).map(RegionRule::experience).orElse(otherwise);
  }

  /** The first rule covering {@code region}, if any. */
  public Optional<RegionRule> ruleFor(Region region) {
    return rules.stream().filter(rule -> rule.covers(region)).findFirst();
  }

  /**
   * Checks rules as a tenant sent them.
   *
   * @throws Rejected naming the field ({@code regionRules[2].regions[0]}) of the first mistake
   */
  public RegionRules checked() {
    if (rules.size() > MAX_RULES) {
      throw new Rejected("regionRules", "At most " + MAX_RULES + " rules");
    }
    for (int i = 0; i < rules.size(); i++) {
      RegionRule rule = rules.get(i);
      String field = "regionRules[" + i + "]";
      if (rule == null) {
        throw new Rejected(field, "A rule is required");
      }
      if (rule.experience() == null) {
        throw new Rejected(field + ".experience", "experience is required");
      }
      if (rule.regions().isEmpty() || rule.regions().size() > MAX_REGIONS) {
        throw new Rejected(
            field + ".regions", "A rule lists between 1 and " + MAX_REGIONS + " regions");
      }
      for (int j = 0; j < rule.regions().size(); j++) {
        if (!RegionRule.valid(rule.regions().get(j))) {
          throw new Rejected(
              field + ".regions[" + j + "]",
              "Not a country (FR), a subdivision (US-CA) or a group (EU, EEA): "
                  + rule.regions().get(j));
        }
      }
    }
    return this;
  }
}
