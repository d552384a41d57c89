package io.consentplatform.api.policy;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.policy.LocalizedCategory;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a visitor's choices mean under each experience a published version's rules give someone: the
 * part of the cookie policy page that differs by region. A version that asks everyone first has
 * none, since the page's general wording already says so.
 *
 * @param experience the wire name ({@code opt-out}), which also picks the wording
 * @param regions the regions given this experience by a rule, as the tenant wrote them ({@code EU},
 *     {@code US-CA}), comma separated; empty when only {@code elsewhere}
 * @param elsewhere whether visitors covered by no rule, or from an unknown place, get it too
 * @param runByDefault where categories run without asking: the names of those that do
 * @param sensitive the names of the sensitive categories, which never run without consent
 * @param marketing the names of the marketing categories, which an opt-out signal refuses
 * @param doNotSell the site's label of the link that opens the choices where visitors opt out
 * @param refusalDays how long a refusal is remembered, in days
 */
// Qute's checks missed the boolean the page reads; see PolicyView.
@TemplateData
public record ChoicesByRegion(
    String experience,
    String regions,
    boolean elsewhere,
    String runByDefault,
    String sensitive,
    String marketing,
    String doNotSell,
    int refusalDays) {

  /** The sections of {@code snapshot}'s page in {@code language}, by experience in their order. */
  static List<ChoicesByRegion> of(PolicySnapshot snapshot, String language) {
    RegionRules rules = snapshot.site().regionRules();
    Map<Experience, Set<String>> regions = new EnumMap<>(Experience.class);
    for (RegionRule rule : rules.rules()) {
      regions.computeIfAbsent(rule.experience(), e -> new LinkedHashSet<>()).addAll(rule.regions());
    }
    regions.computeIfAbsent(rules.otherwise(), e -> new LinkedHashSet<>());
    if (regions.keySet().equals(Set.of(Experience.OPT_IN))) {
      return List.of();
    }
    List<String> optional = new ArrayList<>();
    List<String> sensitive = new ArrayList<>();
    List<String> marketing = new ArrayList<>();
    for (LocalizedCategory category : LocalizedCategory.of(snapshot, language)) {
      if (category.category().required()) {
        continue;
      }
      String name = category.text().name();
      if (category.category().sensitive()) {
        sensitive.add(name);
      } else {
        optional.add(name);
      }
      if (category.category().purpose() == Purpose.MARKETING) {
        marketing.add(name);
      }
    }
    String doNotSell = snapshot.texts(language).doNotSell();
    int refusalDays = snapshot.site().refusalLifetimeDays();
    List<ChoicesByRegion> sections = new ArrayList<>();
    regions.forEach(
        (experience, listed) ->
            sections.add(
                new ChoicesByRegion(
                    experience.wireName(),
                    String.join(", ", listed),
                    experience == rules.otherwise(),
                    String.join(", ", optional),
                    String.join(", ", sensitive),
                    String.join(", ", marketing),
                    doNotSell,
                    refusalDays)));
    return sections;
  }
}
