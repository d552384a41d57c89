package io.consentplatform.core.region;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Metadata;
import com.maxmind.db.Network;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.ConnectionTypeResponse.ConnectionType;
import com.maxmind.geoip2.model.CountryResponse;
import com.maxmind.geoip2.record.City;
import com.maxmind.geoip2.record.Continent;
import com.maxmind.geoip2.record.Country;
import com.maxmind.geoip2.record.Location;
import com.maxmind.geoip2.record.MaxMind;
import com.maxmind.geoip2.record.Postal;
import com.maxmind.geoip2.record.RepresentedCountry;
import com.maxmind.geoip2.record.Subdivision;
import com.maxmind.geoip2.record.Traits;
import io.consentplatform.core.net.TrustedProxies;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Regions from a GeoIP database file the operator provides (MaxMind DB format: GeoIP2 or GeoLite2
 * City or Country, or a compatible one), read with MaxMind's reader. A City-type database gives the
 * country and the largest subdivision (a US state, a Canadian province); a Country-type one the
 * country. Nothing finer is ever read: no city, no coordinates.
 *
 * <p>The reader builds its answers by reflection on their constructors and ships no native-image
 * metadata: the native executable needs them registered.
 */
@RegisterForReflection(
    targets = {
      Metadata.class,
      CityResponse.class,
      CountryResponse.class,
      City.class,
      Continent.class,
      Country.class,
      Location.class,
      MaxMind.class,
      Postal.class,
      RepresentedCountry.class,
      Subdivision.class,
      Traits.class,
      ConnectionType.class,
      Network.class
    })
final class GeoIpRegions implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GeoIpRegions.class);

  private final DatabaseReader reader;
  private final boolean cities;
  private final AtomicBoolean warned = new AtomicBoolean();

  private GeoIpRegions(DatabaseReader reader) {
    this.reader = reader;
    String type = reader.metadata().databaseType();
    this.cities = type.contains("City") || type.contains("Enterprise");
  }

  /**
   * Opens {@code file}, or says clearly why it cannot: an operator who configured a database and
   * does not get it would otherwise serve every visitor no header places the site's default
   * experience without anyone noticing.
   *
   * @throws IllegalStateException when the file is missing, unreadable, or not a City or Country
   *     database
   */
  static GeoIpRegions open(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalStateException(
          "consent.regions.geoip-database is "
              + file.toAbsolutePath()
              + ", which is not a readable file. Provide the GeoIP database there (MaxMind DB"
              + " format, City or Country) or unset the key to rely on the CDN's headers alone.");
    }
    try {
      // A node cache: the same few networks are looked up again and again.
      return new GeoIpRegions(
          new DatabaseReader.Builder(file.toFile()).withCache(new CHMCache()).build());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "consent.regions.geoip-database "
              + file.toAbsolutePath()
              + " cannot be read as a GeoIP City or Country database (MaxMind DB format): "
              + e.getMessage(),
          e);
    }
  }

  /** The database's type as its metadata names it ({@code GeoLite2-City}). */
  String type() {
    return reader.metadata().databaseType();
  }

  /** The region of an IP literal, if the database places it; anything else is unknown. */
  Optional<Region> of(String address) {
    byte[] bytes = TrustedProxies.literal(address);
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      InetAddress ip = InetAddress.getByAddress(bytes); // bytes, so never a DNS lookup
      if (cities) {
        return reader.tryCity(ip).flatMap(GeoIpRegions::region);
      }
      return reader.tryCountry(ip).flatMap(response -> country(response.country()));
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty(); // e.g. an IPv6 client and an IPv4-only database
    } catch (IOException | GeoIp2Exception e) {
      if (warned.compareAndSet(false, true)) {
        LOG.warnf(
            e, "The GeoIP database could not answer for an address; such visitors are unknown");
      }
      return Optional.empty();
    }
  }

  private static Optional<Region> country(Country country) {
    return country == null ? Optional.empty() : Region.parse(country.isoCode());
  }

  private static Optional<Region> region(CityResponse response) {
    Optional<Region> country = country(response.country());
    List<Subdivision> subdivisions = response.subdivisions();
    if (country.isEmpty() || subdivisions == null || subdivisions.isEmpty()) {
      return country;
    }
    // The first is the largest (a state, not a county); the country's own code guards the pair.
    String code = subdivisions.get(0).isoCode();
    return Optional.of(
        code == null
            ? country.get()
            : Region.parse(country.get().country() + "-" + code)
                .filter(region -> region.subdivision() != null)
                .orElse(country.get()));
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      LOG.debug("Closing the GeoIP database", e);
    }
  }
}
