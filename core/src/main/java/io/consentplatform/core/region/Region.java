package io.consentplatform.core.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a visitor is, as precisely as the platform ever knows or keeps it: an ISO 3166-1 alpha-2
 * country, plus the ISO 3166-2 subdivision where the source knows it (a US state, a Canadian
 * province). Written {@code FR} or {@code US-CA}; never a city, never coordinates.
 *
 * @param country upper-case ISO 3166-1 alpha-2 code
 * @param subdivision the ISO 3166-2 code including its country ({@code US-CA}), or null
 */
public record Region(String country, String subdivision) {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern SUBDIVISION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

  public Region {
    if (country == null || !COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country: " + country);
    }
    if (subdivision != null
        && (!SUBDIVISION.matcher(subdivision).matches() || !subdivision.startsWith(country))) {
      throw new IllegalArgumentException(
          "Not an ISO 3166-2 subdivision of " + country + ": " + subdivision);
    }
  }

  /** A country without a known subdivision. */
  public static Region country(String country) {
    return new Region(country, null);
  }

  /**
   * The region written {@code code} ({@code FR}, {@code us-ca}), if it is one. Case does not
   * matter; anything else (empty, {@code XX-}, a city) reads as unknown. The codes "XX" and "T1"
   * that CDNs send for unknown and Tor are not countries and read as unknown too.
   */
  public static Optional<Region> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String upper = code.trim().toUpperCase(Locale.ROOT);
    if (upper.equals("XX") || upper.startsWith("T1")) {
      return Optional.empty();
    }
    if (COUNTRY.matcher(upper).matches()) {
      return Optional.of(country(upper));
    }
    if (SUBDIVISION.matcher(upper).matches()) {
      return Optional.of(new Region(upper.substring(0, 2), upper));
    }
    return Optional.empty();
  }

  @JsonCreator
  static Region fromJson(String code) {
    return parse(code).orElseThrow(() -> new IllegalArgumentException("Not a region: " + code));
  }

  /** {@code US-CA} when the subdivision is known, else {@code US}. */
  @JsonValue
  public String code() {
    return subdivision != null ? subdivision : country;
  }

  @Override
  public String toString() {
    return code();
  }
}
