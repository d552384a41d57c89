package io.consentplatform.core.plan;

/**
 * What a plan limits, by the name problems, the API and the documentation give it: a refusal names
 * one of these so that a client can tell which limit it reached.
 */
public enum Limit {
  MAX_SITES("max-sites"),
  MAX_MEMBERS("max-members"),
  MAX_DECISIONS_PER_MONTH("max-decisions-per-month"),
  MAX_SCANS_PER_MONTH("max-scans-per-month"),
  MAX_PAGES_PER_SCAN("max-pages-per-scan"),
  SCANNER("feature:scanner"),
  WEBHOOKS("feature:webhooks");

  private final String code;

  Limit(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Monthly quotas are met again next month: a refusal says "later" (429), not "never" (403). */
  public boolean monthly() {
    return this == MAX_SCANS_PER_MONTH || this == MAX_DECISIONS_PER_MONTH;
  }
}
