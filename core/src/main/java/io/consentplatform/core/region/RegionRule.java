package io.consentplatform.core.region;

import java.util.List;
import java.util.Locale;

/**
 * One line of a site's rules: the regions it covers and the experience their visitors get. A region
 * is a country ({@code US}: the whole country, every subdivision), a subdivision ({@code US-CA}) or
 * a group ({@code EU}, {@code EEA}: {@link RegionGroup}).
 */
public record RegionRule(List<String> regions, Experience experience) {

  public RegionRule {
    regions =
        regions == null
            ? List.of()
            : regions.stream()
                .map(r -> r == null ? null : r.trim().toUpperCase(Locale.ROOT))
                .toList();
  }

  /** Whether a visitor in {@code region} falls under this rule. */
  public boolean covers(Region region) {
    return regions.stream().anyMatch(entry -> covers(entry, region));
  }

  private static boolean covers(String entry, Region region) {
    if (entry.equals(region.country()) || entry.equals(region.subdivision())) {
      return true;
    }
    return RegionGroup.named(entry).map(group -> group.contains(region)).orElse(false);
  }

  /** Whether {@code entry} names a country, a subdivision or a group. */
  public static boolean valid(String entry) {
    return entry != null
        && (RegionGroup.named(entry).isPresent()
            || Region.parse(entry).map(r -> r.code().equals(entry)).orElse(false));
  }
}
