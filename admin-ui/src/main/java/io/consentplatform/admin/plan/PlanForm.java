package io.consentplatform.admin.plan;

import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.plan.PlanEdit;
import java.util.List;

/** A plan as the console's form sends it: empty limits are no limits. */
record PlanForm(
    String code,
    String name,
    String maxSites,
    String maxMembers,
    String maxDecisionsPerMonth,
    String maxScansPerMonth,
    String maxPagesPerScan,
    List<String> features) {

  PlanEdit edit() {
    return new PlanEdit(
        code == null || code.isBlank() ? null : code.strip(),
        name,
        integer("maxSites", maxSites),
        integer("maxMembers", maxMembers),
        number("maxDecisionsPerMonth", maxDecisionsPerMonth),
        integer("maxScansPerMonth", maxScansPerMonth),
        integer("maxPagesPerScan", maxPagesPerScan),
        features == null ? List.of() : features);
  }

  private static Integer integer(String field, String value) {
    Long number = number(field, value);
    if (number != null && (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE)) {
      throw new Rejected(field, "Too large");
    }
    return number == null ? null : number.intValue();
  }

  private static Long number(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new Rejected(field, "Not a whole number: " + value);
    }
  }
}
