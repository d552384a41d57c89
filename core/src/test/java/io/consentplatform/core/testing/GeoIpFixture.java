package io.consentplatform.core.testing;

import io.consentplatform.core.testing.MmdbWriter.Unsigned;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Small GeoIP databases for tests, written by {@link MmdbWriter} over documentation address ranges
 * (RFC 5737, RFC 3849), which no real database places:
 *
 * <ul>
 *   <li>198.51.100.0/24: United States, California (and a city, which must never come out)
 *   <li>203.0.113.0/24: France, no subdivision
 *   <li>192.0.2.0/25: United Kingdom, England then Greater London
 *   <li>192.0.2.128/25: only a registered country (NL), no country: unknown
 *   <li>2001:db8:1::/48: Germany, Bavaria
 * </ul>
 */
public final class GeoIpFixture {

  private GeoIpFixture() {}

  /** A City-type database ({@code ConsentPlatform-Test-City}) in {@code dir}. */
  public static Path city(Path dir) {
    return write(new MmdbWriter("ConsentPlatform-Test-City"), dir.resolve("test-city.mmdb"));
  }

  /** A Country-type database with the same networks (its records keep their subdivisions). */
  public static Path country(Path dir) {
    return write(new MmdbWriter("ConsentPlatform-Test-Country"), dir.resolve("test-country.mmdb"));
  }

  private static Path write(MmdbWriter writer, Path file) {
    return writer
        .network(
            "198.51.100.0/24",
            Map.of(
                "city",
                    Map.of("geoname_id", new Unsigned(6, 5368361), "names", names("Los Angeles")),
                "country", country("US", 6252001, "United States"),
                "subdivisions", List.of(subdivision("CA", "California"))))
        .network("203.0.113.0/24", Map.of("country", country("FR", 3017382, "France")))
        .network(
            "192.0.2.0/25",
            Map.of(
                "country",
                country("GB", 2635167, "United Kingdom"),
                "subdivisions",
                List.of(subdivision("ENG", "England"), subdivision("LND", "London"))))
        .network(
            "192.0.2.128/25", Map.of("registered_country", country("NL", 2750405, "Netherlands")))
        .network(
            "2001:db8:1::/48",
            Map.of(
                "country", country("DE", 2921044, "Germany"),
                "subdivisions", List.of(subdivision("BY", "Bavaria"))))
        .writeTo(file);
  }

  private static Map<String, Object> country(String iso, long geonameId, String name) {
    return Map.of("iso_code", iso, "geoname_id", new Unsigned(6, geonameId), "names", names(name));
  }

  private static Map<String, Object> subdivision(String iso, String name) {
    return Map.of("iso_code", iso, "names", names(name));
  }

  private static Map<String, String> names(String english) {
    return Map.of("en", english);
  }
}
