package io.consentplatform.core.consent;

import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.region.Region;
import java.util.Locale;

/**
 * Which records' region a log query keeps: a country with all its subdivisions ({@code US} finds
 * {@code US-CA}), one subdivision, or the records whose region was unknown.
 *
 * @param region the region to match, or null for the unknown ones
 */
public record RegionFilter(Region region) {

  /** The word that asks for records without a region, in addresses and forms. */
  public static final String UNKNOWN = "unknown";

  /**
   * The filter written {@code value}: a region code, or {@code unknown}; null when blank.
   *
   * @throws Rejected naming the field {@code region} when it is neither
   */
  public static RegionFilter parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.trim().toLowerCase(Locale.ROOT).equals(UNKNOWN)) {
      return new RegionFilter(null);
    }
    return Region.parse(value)
        .map(RegionFilter::new)
        .orElseThrow(
            () ->
                new Rejected(
                    "region",
                    "region must be a country (FR), a subdivision (US-CA) or " + UNKNOWN));
  }

  /** {@code US}, {@code US-CA} or {@code unknown}, as the filter is written back. */
  public String code() {
    return region == null ? UNKNOWN : region.code();
  }

  /** The SQL condition on the records' {@code region} column, its parameters bound by index. */
  String condition(String column) {
    if (region == null) {
      return column + " is null";
    }
    return region.subdivision() != null
        ? column + " = ?"
        : "(" + column + " = ? or " + column + " like ?)";
  }

  int bind(java.sql.PreparedStatement statement, int index) throws java.sql.SQLException {
    int i = index;
    if (region == null) {
      return i;
    }
    statement.setString(i++, region.code());
    if (region.subdivision() == null) {
      // Codes are [A-Z0-9-] only (a check on the column), so no LIKE wildcard can hide in them.
      statement.setString(i++, region.country() + "-%");
    }
    return i;
  }
}
