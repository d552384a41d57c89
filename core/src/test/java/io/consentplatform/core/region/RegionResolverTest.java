package io.consentplatform.core.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.net.TrustedProxies;
import io.consentplatform.core.testing.GeoIpFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a visitor is: the CDN's headers from a trusted proxy, else the GeoIP database about the
 * client's address, else unknown. The GeoIP files are written from the MaxMind DB specification
 * (GeoIpFixture) and read by MaxMind's reader.
 */
class RegionResolverTest {

  private static final String PROXY = "10.0.0.5";
  private static final List<String> DEFAULT_HEADERS =
      List.of(
          "CF-IPCountry:CF-Region-Code",
          "CloudFront-Viewer-Country:CloudFront-Viewer-Country-Region",
          "X-Vercel-IP-Country:X-Vercel-IP-Country-Region");
  private static final TrustedProxies PROXIES = new TrustedProxies(List.of("10.0.0.0/8"));

  @TempDir static Path dir;
  private static RegionResolver headersOnly;
  private static RegionResolver withCities;
  private static RegionResolver withCountries;

  @BeforeAll
  static void resolvers() {
    headersOnly = new RegionResolver(PROXIES, DEFAULT_HEADERS);
    withCities = new RegionResolver(PROXIES, DEFAULT_HEADERS, Optional.of(GeoIpFixture.city(dir)));
    withCountries =
        new RegionResolver(PROXIES, DEFAULT_HEADERS, Optional.of(GeoIpFixture.country(dir)));
  }

  @Test
  void shouldReadEachCdnsHeadersFromATrustedProxy() {
    assertEquals("FR", code(headersOnly, PROXY, "CF-IPCountry", "FR"));
    assertEquals("US-CA", code(headersOnly, PROXY, "CF-IPCountry", "US", "CF-Region-Code", "CA"));
    assertEquals(
        "US-WA",
        code(
            headersOnly,
            PROXY,
            "CloudFront-Viewer-Country",
            "US",
            "CloudFront-Viewer-Country-Region",
            "WA"));
    assertEquals(
        "CA-QC",
        code(headersOnly, PROXY, "X-Vercel-IP-Country", "ca", "X-Vercel-IP-Country-Region", "qc"));
  }

  @Test
  void shouldTakeASubdivisionWrittenWithOrWithoutItsCountry() {
    assertEquals("US-CA", code(headersOnly, PROXY, "CF-IPCountry", "US", "CF-Region-Code", "CA"));
    assertEquals(
        "US-CA", code(headersOnly, PROXY, "CF-IPCountry", "US", "CF-Region-Code", "US-CA"));
    // A subdivision of another country, or not a code, leaves the country alone.
    assertEquals("US", code(headersOnly, PROXY, "CF-IPCountry", "US", "CF-Region-Code", "FR-75"));
    assertEquals(
        "US", code(headersOnly, PROXY, "CF-IPCountry", "US", "CF-Region-Code", "California"));
  }

  @Test
  void shouldIgnoreTheHeadersOfAPeerThatIsNotATrustedProxy() {
    assertEquals(
        "unknown", code(headersOnly, "198.51.100.7", "CF-IPCountry", "US", "CF-Region-Code", "CA"));
    assertEquals("unknown", code(headersOnly, "203.0.113.9", "X-Vercel-IP-Country", "DE"));
  }

  @Test
  void shouldReadUnknownTorAndGarbageAsUnknown() {
    for (String value : List.of("XX", "T1", "", " ", "France", "F", "12", "<b>US</b>", "US-")) {
      assertEquals("unknown", code(headersOnly, PROXY, "CF-IPCountry", value), value);
    }
    assertEquals("unknown", code(headersOnly, PROXY));
    assertEquals("unknown", code(headersOnly, null, "CF-IPCountry", "FR"));
  }

  @Test
  void shouldTakeTheFirstConfiguredHeaderThatNamesACountry() {
    assertEquals(
        "DE", code(headersOnly, PROXY, "CF-IPCountry", "XX", "CloudFront-Viewer-Country", "DE"));
    RegionResolver custom = new RegionResolver(PROXIES, List.of("X-Country"));
    assertEquals("BE", code(custom, PROXY, "X-Country", "be", "CF-IPCountry", "FR"));
  }

  @Test
  void shouldBelieveATrustedHeaderBeforeTheGeoIpDatabase() {
    // The GeoIP database places 198.51.100.7 in California; the CDN knows better.
    assertEquals(
        "DE", code(withCities, PROXY, "X-Forwarded-For", "198.51.100.7", "CF-IPCountry", "DE"));
  }

  @Test
  void shouldAskTheGeoIpDatabaseAboutTheForwardedClientWhenNoHeaderTells() {
    assertEquals("US-CA", code(withCities, PROXY, "X-Forwarded-For", "198.51.100.7"));
    // A CDN that does not know (XX) leaves it to the database.
    assertEquals(
        "US-CA", code(withCities, PROXY, "X-Forwarded-For", "198.51.100.7", "CF-IPCountry", "XX"));
    assertEquals("DE-BY", code(withCities, PROXY, "X-Forwarded-For", "2001:db8:1::20"));
  }

  @Test
  void shouldAskTheGeoIpDatabaseAboutAnUntrustedPeerItselfNeverWhatItClaims() {
    assertEquals(
        "US-CA",
        code(withCities, "198.51.100.7", "CF-IPCountry", "DE", "X-Forwarded-For", "203.0.113.9"));
    assertEquals("unknown", code(withCities, "192.168.7.1", "X-Forwarded-For", "198.51.100.7"));
  }

  @Test
  void shouldGiveTheCountryAloneWhereTheDatabaseKnowsNoSubdivision() {
    assertEquals("FR", code(withCities, "203.0.113.9"));
  }

  @Test
  void shouldKeepOnlyTheLargestSubdivision() {
    assertEquals("GB-ENG", code(withCities, "192.0.2.9"));
  }

  @Test
  void shouldNotTakeARegisteredCountryForWhereTheVisitorIs() {
    assertEquals("unknown", code(withCities, "192.0.2.200"));
  }

  @Test
  void shouldReadOnlyCountriesFromACountryDatabase() {
    assertEquals("US", code(withCountries, "198.51.100.7"));
    assertEquals("FR", code(withCountries, "203.0.113.9"));
    assertEquals("DE", code(withCountries, "2001:db8:1::20"));
  }

  @Test
  void shouldFindNothingForAPrivateOrUnlistedAddress() {
    assertEquals("unknown", code(withCities, PROXY)); // the proxy itself: 10.0.0.5
    assertEquals("unknown", code(withCities, "127.0.0.1"));
    assertEquals("unknown", code(withCities, "192.168.1.20"));
    assertEquals("unknown", code(withCities, "8.8.8.8"));
    assertEquals("unknown", code(withCities, "::1"));
    assertEquals("unknown", code(withCities, PROXY, "X-Forwarded-For", "fd00::1"));
  }

  @Test
  void shouldRefuseToStartWithAGeoIpDatabaseThatIsMissingOrNotOne() throws IOException {
    Path missing = dir.resolve("nowhere.mmdb");
    IllegalStateException absent =
        assertThrows(
            IllegalStateException.class,
            () -> new RegionResolver(PROXIES, DEFAULT_HEADERS, Optional.of(missing)));
    assertTrue(absent.getMessage().contains("consent.regions.geoip-database"), absent.getMessage());
    assertTrue(absent.getMessage().contains(missing.toString()), absent.getMessage());

    Path garbage = Files.writeString(dir.resolve("garbage.mmdb"), "not a database at all");
    IllegalStateException unreadable =
        assertThrows(
            IllegalStateException.class,
            () -> new RegionResolver(PROXIES, DEFAULT_HEADERS, Optional.of(garbage)));
    assertTrue(unreadable.getMessage().contains(garbage.toString()), unreadable.getMessage());
  }

  /** The region resolved for {@code peer} with the headers given as name, value, ... pairs. */
  private static String code(RegionResolver resolver, String peer, String... headers) {
    Map<String, String> byName = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      byName.put(headers[i].toLowerCase(), headers[i + 1]);
    }
    return resolver
        .resolve(peer, name -> byName.get(name.toLowerCase()))
        .map(Region::code)
        .orElse("unknown");
  }
}
