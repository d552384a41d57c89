package io.consentplatform.admin.site;

import io.consentplatform.admin.FormValues;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.site.RegionSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A site's rules by region as the form sends them: one {@code regions} and one {@code experience}
 * per rule, in order, and the button pressed. Moving, adding and removing a rule, or starting from
 * the platform's defaults, change the form only; {@code save} keeps it.
 */
public class RegionsForm {

  /** One rule as the form shows it: regions comma-separated, the experience by its wire name. */
  public record Line(String regions, String experience) {}

  @RestForm public List<String> regions;
  @RestForm public List<String> experience;
  @RestForm public String otherwise;
  @RestForm public String refusalLifetimeDays;
  @RestForm public String version;

  /**
   * {@code save}, {@code add}, {@code defaults}, or {@code up:i}, {@code down:i}, {@code remove:i}.
   */
  @RestForm public String action;

  static RegionsForm of(RegionSettings settings, long version) {
    RegionsForm form = new RegionsForm();
    form.fill(settings);
    form.version = String.valueOf(version);
    return form;
  }

  void fill(RegionSettings settings) {
    regions = new ArrayList<>();
    experience = new ArrayList<>();
    for (RegionRule rule : settings.rules()) {
      regions.add(String.join(", ", rule.regions()));
      experience.add(rule.experience().wireName());
    }
    otherwise = settings.otherwise().wireName();
    refusalLifetimeDays = String.valueOf(settings.refusalLifetimeDays());
  }

  List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    int count = regions == null ? 0 : regions.size();
    for (int i = 0; i < count; i++) {
      String chosen = experience != null && i < experience.size() ? experience.get(i) : null;
      lines.add(new Line(regions.get(i) == null ? "" : regions.get(i), chosen));
    }
    return lines;
  }

  void replace(List<Line> lines) {
    regions = new ArrayList<>(lines.stream().map(Line::regions).toList());
    experience = new ArrayList<>(lines.stream().map(Line::experience).toList());
  }

  /**
   * The settings typed. An experience that is none of the four reads as null, which the domain
   * refuses beside its rule; a refusal interval that is not a number reads as 0, out of range.
   */
  RegionSettings settings() {
    List<RegionRule> rules = new ArrayList<>();
    for (Line line : lines()) {
      List<String> entries =
          Arrays.stream(line.regions().split(","))
              .map(String::strip)
              .filter(entry -> !entry.isEmpty())
              .toList();
      rules.add(new RegionRule(entries, experienceOf(line.experience())));
    }
    Integer days = FormValues.number(refusalLifetimeDays);
    return new RegionSettings(
        rules,
        experienceOf(otherwise),
        FormValues.text(refusalLifetimeDays) == null ? null : days == null ? 0 : days);
  }

  Long expectedVersion() {
    return FormValues.version(version);
  }

  private static Experience experienceOf(String wire) {
    for (Experience candidate : Experience.values()) {
      if (candidate.wireName().equals(wire)) {
        return candidate;
      }
    }
    return null;
  }
}
