package io.consentplatform.core.region;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names a rule may use for several countries at once. Membership is by country code, as CDNs and
 * GeoIP databases report it: the EU's outermost regions that have a code of their own (Guadeloupe,
 * Réunion...) and Åland are listed beside their states, since a visitor there is in the EU.
 */
public enum RegionGroup {
  /** The 27 member states of the European Union (Greece is GR in ISO 3166, EL in EU usage). */
  EU(
      Set.of(
          "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
          "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "AX", "GF", "GP",
          "MQ", "RE", "YT", "MF")),
  /** The European Economic Area: the EU with Iceland, Liechtenstein and Norway. */
  EEA(union(EU.countries, Set.of("IS", "LI", "NO")));

  private final Set<String> countries;

  RegionGroup(Set<String> countries) {
    this.countries = countries;
  }

  public Set<String> countries() {
    return countries;
  }

  public boolean contains(Region region) {
    return countries.contains(region.country());
  }

  /** The group named {@code name} ({@code EU}, {@code EEA}), if it is one. */
  public static Optional<RegionGroup> named(String name) {
    return Arrays.stream(values()).filter(group -> group.name().equals(name)).findFirst();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
  }
}
