package io.consentplatform.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.policy.MaterialChange.Kind;
import io.consentplatform.core.policy.PolicyDiff.FieldChange;
import io.consentplatform.core.policy.PolicySnapshot.CategoryEntry;
import io.consentplatform.core.policy.PolicySnapshot.SiteEntry;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which changes of the rules by region, the refusal interval and sensitivity ask visitors again,
 * and how the diff shows them. The expected regions are written out by hand.
 */
class RegionReconsentTest {

  private static final RegionRules EU_IN_US_OUT =
      new RegionRules(
          List.of(
              new RegionRule(List.of("EU"), Experience.OPT_IN),
              new RegionRule(List.of("US"), Experience.OPT_OUT)),
          Experience.OPT_IN);

  private static PolicySnapshot snapshot(RegionRules rules, int refusal, boolean sensitive) {
    return new PolicySnapshot(
        new SiteEntry("shop", "Shop", List.of("en"), "en", 395, refusal, rules),
        Map.of(),
        List.of(
            new CategoryEntry(
                "marketing",
                Purpose.MARKETING,
                false,
                sensitive,
                Map.of("en", new CategoryText("Ads", "Ads")))),
        List.of(),
        List.of());
  }

  private static List<String> regionsAsked(RegionRules before, RegionRules after) {
    return ReconsentRule.changes(snapshot(before, 184, false), snapshot(after, 184, false)).stream()
        .peek(change -> assertEquals(Kind.REGION_OPT_IN, change.kind()))
        .map(MaterialChange::subject)
        .toList();
  }

  @Test
  void shouldAskAgainWhereARegionIsNowAskedFirst() {
    RegionRules californiaIn =
        new RegionRules(
            List.of(
                new RegionRule(List.of("EU", "US-CA"), Experience.OPT_IN),
                new RegionRule(List.of("US"), Experience.OPT_OUT)),
            Experience.OPT_IN);
    assertEquals(List.of("US-CA"), regionsAsked(EU_IN_US_OUT, californiaIn));

    RegionRules usIn =
        new RegionRules(
            List.of(new RegionRule(List.of("EU"), Experience.OPT_IN)), Experience.OPT_IN);
    assertEquals(List.of("US"), regionsAsked(EU_IN_US_OUT, usIn), "the whole country, once");

    RegionRules noticeElsewhere = new RegionRules(EU_IN_US_OUT.rules(), Experience.NOTICE);
    assertEquals(List.of("otherwise"), regionsAsked(noticeElsewhere, EU_IN_US_OUT));

    RegionRules norwayNotice =
        new RegionRules(
            List.of(
                new RegionRule(List.of("NO"), Experience.NOTICE),
                new RegionRule(List.of("EEA"), Experience.OPT_IN)),
            Experience.OPT_IN);
    RegionRules eeaIn =
        new RegionRules(
            List.of(new RegionRule(List.of("EEA"), Experience.OPT_IN)), Experience.OPT_IN);
    assertEquals(List.of("NO"), regionsAsked(norwayNotice, eeaIn), "through a group");
  }

  @Test
  void shouldNotAskAgainWhenVisitorsAreAskedLessOrTheSame() {
    assertEquals(List.of(), regionsAsked(RegionRules.EVERYWHERE_OPT_IN, RegionRules.DEMO));
    assertEquals(
        List.of(), regionsAsked(RegionRules.EVERYWHERE_OPT_IN, RegionRules.PLATFORM_DEFAULT));
    RegionRules reordered =
        new RegionRules(
            List.of(
                new RegionRule(List.of("US"), Experience.OPT_OUT),
                new RegionRule(List.of("EU"), Experience.OPT_IN)),
            Experience.OPT_IN);
    assertEquals(List.of(), regionsAsked(EU_IN_US_OUT, reordered), "same experience everywhere");
    assertEquals(
        List.of(),
        ReconsentRule.changes(
            snapshot(EU_IN_US_OUT, 184, false), snapshot(EU_IN_US_OUT, 395, false)),
        "the refusal interval says when to ask, not what");
    assertEquals(
        List.of(),
        ReconsentRule.changes(
            snapshot(EU_IN_US_OUT, 184, true), snapshot(EU_IN_US_OUT, 184, false)),
        "a category no longer sensitive");
  }

  @Test
  void shouldAskAgainForACategoryNowSensitiveOnlyWhereSomeRegionOptsOut() {
    List<MaterialChange> changes =
        ReconsentRule.changes(
            snapshot(EU_IN_US_OUT, 184, false), snapshot(EU_IN_US_OUT, 184, true));
    assertEquals(
        List.of(Kind.CATEGORY_SENSITIVE), changes.stream().map(MaterialChange::kind).toList());
    assertEquals("marketing", changes.get(0).category());

    assertEquals(
        List.of(),
        ReconsentRule.changes(
            snapshot(RegionRules.EVERYWHERE_OPT_IN, 184, false),
            snapshot(RegionRules.EVERYWHERE_OPT_IN, 184, true)),
        "everyone is asked first anyway");
  }

  @Test
  void shouldListRulesIntervalAndSensitivityInTheDiff() {
    PolicyDiff diff =
        PolicyDiff.between(
            "1",
            snapshot(RegionRules.EVERYWHERE_OPT_IN, 184, false),
            "draft",
            snapshot(EU_IN_US_OUT, 200, true));

    assertEquals(List.of("refusalLifetimeDays", "regionRules"), diff.settings());
    assertEquals(
        List.of(
            new FieldChange("site", "shop", "refusalLifetimeDays", null, "184", "200"),
            new FieldChange(
                "site",
                "shop",
                "regionRules",
                null,
                "otherwise: opt-in",
                "EU: opt-in; US: opt-out; otherwise: opt-in"),
            new FieldChange("category", "marketing", "sensitive", null, "false", "true")),
        diff.fields());
    assertEquals(List.of("marketing"), diff.categories().changed());
  }
}
