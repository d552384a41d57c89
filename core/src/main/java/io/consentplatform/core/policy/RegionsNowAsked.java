package io.consentplatform.core.policy;

import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.Region;
import io.consentplatform.core.region.RegionGroup;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The regions whose visitors one set of rules did not ask first and another does. Rules only name
 * countries, subdivisions and groups, so every region a visitor can come from behaves as one of a
 * few probes: each country and subdivision either set names (groups read as their countries), a
 * subdivision of each named country that neither names, and an unknown region.
 */
final class RegionsNowAsked {

  /** A subdivision code no rule can name in practice: ISO 3166-2 assigns none like it. */
  private static final String UNNAMED_SUBDIVISION = "-000";

  private RegionsNowAsked() {}

  /** Region codes ({@code US-CA}), or {@code otherwise} for the unknown region, in rule order. */
  static List<String> between(RegionRules before, RegionRules after) {
    List<String> asked = new ArrayList<>();
    if (before.otherwise() != Experience.OPT_IN && after.otherwise() == Experience.OPT_IN) {
      asked.add("otherwise");
    }
    for (Region probe : probes(before, after)) {
      Optional<Region> region = Optional.of(probe);
      // A probe no rule covers on either side falls under "otherwise", already said.
      boolean named = before.ruleFor(probe).isPresent() || after.ruleFor(probe).isPresent();
      // A subdivision that no rule names stands for the rest of its country.
      String name = probe.code().endsWith(UNNAMED_SUBDIVISION) ? probe.country() : probe.code();
      if (named
          && before.experienceFor(region) != Experience.OPT_IN
          && after.experienceFor(region) == Experience.OPT_IN
          && !asked.contains(name)) {
        asked.add(name);
      }
    }
    return asked;
  }

  private static Set<Region> probes(RegionRules before, RegionRules after) {
    Set<Region> probes = new LinkedHashSet<>();
    Stream.concat(after.rules().stream(), before.rules().stream())
        .map(RegionRule::regions)
        .flatMap(List::stream)
        .forEach(entry -> addProbes(probes, entry));
    return probes;
  }

  private static void addProbes(Set<Region> probes, String entry) {
    Optional<RegionGroup> group = RegionGroup.named(entry);
    if (group.isPresent()) {
      group.get().countries().stream().sorted().forEach(c -> addCountry(probes, c));
      return;
    }
    Region.parse(entry).ifPresent(region -> addCountry(probes, region.country()));
    Region.parse(entry).filter(r -> r.subdivision() != null).ifPresent(probes::add);
  }

  private static void addCountry(Set<Region> probes, String country) {
    probes.add(Region.country(country));
    probes.add(new Region(country, country + UNNAMED_SUBDIVISION));
  }
}
