package io.consentplatform.core.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consentplatform.core.error.Rejected;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A site's rules by region: the first rule that covers a visitor wins, a country covers its
 * subdivisions, a group its countries, and anyone else, or an unknown region, gets {@code
 * otherwise}. The expected experiences are written out by hand from the rules, not computed.
 */
class RegionRulesTest {

  private static Experience of(RegionRules rules, String region) {
    return rules.experienceFor(Region.parse(region));
  }

  @Test
  void shouldGiveTheFirstCoveringRulesExperience() {
    RegionRules rules =
        new RegionRules(
            List.of(
                new RegionRule(List.of("US-CA"), Experience.OPT_OUT),
                new RegionRule(List.of("US"), Experience.NOTICE),
                new RegionRule(List.of("US-TX"), Experience.NONE)),
            Experience.OPT_IN);

    assertEquals(Experience.OPT_OUT, of(rules, "US-CA"), "the subdivision's rule comes first");
    assertEquals(Experience.NOTICE, of(rules, "US-NC"), "the country covers its subdivisions");
    assertEquals(Experience.NOTICE, of(rules, "US"), "a visitor known by country only");
    assertEquals(Experience.NOTICE, of(rules, "US-TX"), "a later rule never wins over an earlier");
    assertEquals(Experience.OPT_IN, of(rules, "CA-QC"), "no rule: otherwise");
  }

  @Test
  void shouldNotLetASubdivisionCoverItsCountry() {
    RegionRules rules =
        new RegionRules(
            List.of(new RegionRule(List.of("US-CA"), Experience.OPT_OUT)), Experience.NOTICE);

    assertEquals(Experience.NOTICE, of(rules, "US"), "a visitor in the US, state unknown");
    assertEquals(Experience.NOTICE, of(rules, "US-NV"));
    assertEquals(Experience.OPT_OUT, of(rules, "us-ca"), "codes are read in any case");
  }

  @Test
  void shouldCoverEveryCountryOfAGroup() {
    RegionRules rules =
        new RegionRules(
            List.of(
                new RegionRule(List.of("EU"), Experience.OPT_IN),
                new RegionRule(List.of("EEA"), Experience.NOTICE)),
            Experience.NONE);

    assertEquals(Experience.OPT_IN, of(rules, "FR"));
    assertEquals(Experience.OPT_IN, of(rules, "GR"), "Greece is GR in ISO 3166");
    assertEquals(Experience.OPT_IN, of(rules, "DE-BY"), "a subdivision of a member state");
    assertEquals(Experience.OPT_IN, of(rules, "RE"), "Réunion, an outermost region");
    assertEquals(Experience.NOTICE, of(rules, "NO"), "Norway: EEA, not EU");
    assertEquals(Experience.NOTICE, of(rules, "IS"));
    assertEquals(Experience.NONE, of(rules, "CH"), "Switzerland is in neither");
    assertEquals(Experience.NONE, of(rules, "GB"), "nor the United Kingdom");
  }

  @Test
  void shouldGiveOtherwiseToAnUnknownRegion() {
    RegionRules rules =
        new RegionRules(
            List.of(new RegionRule(List.of("US"), Experience.OPT_OUT)), Experience.NONE);

    assertEquals(Experience.NONE, rules.experienceFor(Optional.empty()));
    assertEquals(Experience.NONE, of(rules, "XX"), "the CDNs' unknown");
    assertEquals(Experience.NONE, of(rules, "T1"), "Tor");
    assertEquals(Experience.NONE, of(rules, "not a region"));
    assertEquals(Experience.OPT_IN, new RegionRules(null, null).experienceFor(Optional.empty()));
  }

  @Test
  void shouldApplyThePlatformsDefaultsAndTheDemos() {
    RegionRules platform = RegionRules.PLATFORM_DEFAULT;
    assertEquals(Experience.OPT_IN, of(platform, "FR"));
    assertEquals(Experience.OPT_IN, of(platform, "NO"));
    assertEquals(Experience.OPT_IN, of(platform, "GB"));
    assertEquals(Experience.OPT_IN, of(platform, "CH"));
    assertEquals(Experience.OPT_IN, of(platform, "BR"));
    assertEquals(Experience.OPT_IN, of(platform, "CA-QC"));
    assertEquals(Experience.OPT_OUT, of(platform, "US-CA"));
    assertEquals(Experience.OPT_OUT, of(platform, "US-TX"));
    assertEquals(Experience.OPT_IN, of(platform, "US-NC"), "no signal duty: the safe side");
    assertEquals(Experience.OPT_IN, of(platform, "US"), "state unknown: the safe side");
    assertEquals(Experience.OPT_IN, of(platform, "CA-ON"));
    assertEquals(Experience.OPT_IN, platform.experienceFor(Optional.empty()));

    assertEquals(Experience.OPT_IN, of(RegionRules.DEMO, "FR"));
    assertEquals(Experience.OPT_OUT, of(RegionRules.DEMO, "US-NC"));
    assertEquals(Experience.OPT_OUT, of(RegionRules.DEMO, "US"));
    assertEquals(Experience.OPT_IN, of(RegionRules.DEMO, "JP"));
  }

  @Test
  void shouldAcceptCountriesSubdivisionsAndGroups() {
    RegionRules rules =
        new RegionRules(
            List.of(new RegionRule(List.of("fr", " US-CA ", "EEA", "CA-QC"), Experience.NONE)),
            Experience.OPT_IN);

    assertSame(rules, rules.checked());
    assertEquals(List.of("FR", "US-CA", "EEA", "CA-QC"), rules.rules().get(0).regions());
  }

  @Test
  void shouldNameTheFirstMistake() {
    assertFault(
        "regionRules[1].regions[1]",
        List.of(
            new RegionRule(List.of("FR"), Experience.OPT_IN),
            new RegionRule(List.of("US", "California"), Experience.OPT_OUT)));
    assertFault(
        "regionRules[0].regions[0]", List.of(new RegionRule(List.of("XX-"), Experience.OPT_IN)));
    assertFault(
        "regionRules[0].regions[0]", List.of(new RegionRule(List.of("EUR"), Experience.OPT_IN)));
    assertFault(
        "regionRules[0].regions[0]", List.of(new RegionRule(List.of("XX"), Experience.OPT_IN)));
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    assertFault("regionRules[0].regions[0]", List.of(new RegionRule(withNull, Experience.NONE)));
    assertFault("regionRules[0].regions", List.of(new RegionRule(List.of(), Experience.OPT_IN)));
    assertFault(
        "regionRules[0].regions",
        List.of(new RegionRule(Collections.nCopies(301, "FR"), Experience.OPT_IN)));
    assertFault("regionRules[0].experience", List.of(new RegionRule(List.of("FR"), null)));
    assertFault(
        "regionRules", Collections.nCopies(51, new RegionRule(List.of("FR"), Experience.OPT_IN)));
  }

  private static void assertFault(String field, List<RegionRule> rules) {
    Rejected rejected =
        assertThrows(Rejected.class, () -> new RegionRules(rules, Experience.OPT_IN).checked());
    assertEquals(field, rejected.field());
  }
}
