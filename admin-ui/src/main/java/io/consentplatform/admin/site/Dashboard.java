package io.consentplatform.admin.site;

import io.consentplatform.admin.category.CategoryNames;
import io.consentplatform.core.consent.Statistics;
import io.consentplatform.core.policy.VersionView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's last 30 days at a glance: counts, the opt-in rate of each category drawn as bars of an
 * SVG chart computed here, so the page needs no script, and the undeclared origins whose decisions
 * were refused.
 */
public record Dashboard(
    long shown,
    long decisions,
    long acceptedAll,
    long rejectedAll,
    long customized,
    long withdrawn,
    VersionView latest,
    List<Bar> bars,
    int chartHeight,
    List<Refusal> refused) {

  // A category's name stands on its own line above its bar: names are longer than keys.
  static final int BAR_WIDTH = 480;
  static final int ROW = 52;

  /** One category's bar, by the category's name: its weighted opt-in rate over the period. */
  public record Bar(String category, int percent, int width, int y) {}

  /**
   * An undeclared origin whose decisions were refused over the period, and when the latest came.
   */
  public record Refusal(String origin, long count, Instant lastSeen) {}

  /**
   * The figures of {@code days}, with one bar per category in the site's order, and the undeclared
   * origins refused over them.
   */
  static Dashboard of(
      List<Statistics.Day> days,
      VersionView latest,
      CategoryNames names,
      List<Statistics.RefusedOrigin> refusedOrigins) {
    long shown = 0, decisions = 0, accepted = 0, rejected = 0, customized = 0, withdrawn = 0;
    Map<String, double[]> granted = new HashMap<>();
    for (Statistics.Day day : days) {
      shown += day.shown();
      decisions += day.decisions();
      accepted += day.acceptedAll();
      rejected += day.rejectedAll();
      customized += day.customized();
      withdrawn += day.withdrawn();
      for (Map.Entry<String, Double> rate : day.optInRate().entrySet()) {
        double[] sums = granted.computeIfAbsent(rate.getKey(), k -> new double[2]);
        sums[0] += rate.getValue() * day.decisions();
        sums[1] += day.decisions();
      }
    }
    List<Bar> bars = new ArrayList<>();
    int y = 0;
    for (String category : names.ordered(granted.keySet())) {
      double[] sums = granted.get(category);
      double rate = sums[1] == 0 ? 0 : sums[0] / sums[1];
      bars.add(
          new Bar(
              names.name(category),
              (int) Math.round(rate * 100),
              (int) Math.round(rate * BAR_WIDTH),
              y));
      y += ROW;
    }
    return new Dashboard(
        shown,
        decisions,
        accepted,
        rejected,
        customized,
        withdrawn,
        latest,
        bars,
        Math.max(y, ROW),
        refusedOrigins.stream()
            .map(r -> new Refusal(r.origin(), r.refused(), r.lastSeen()))
            .toList());
  }
}
