package io.consentplatform.api.banner;

import io.consentplatform.core.region.Region;
import jakarta.ws.rs.BadRequestException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The region a banner configuration is asked for. Named in the URL ({@code ?region=US-CA}, {@code
 * ?region=unknown}), the answer may be shared by caches, since the URL is their key even where they
 * ignore {@code Vary}; left out, as scripts embedded before regions do, the region is the request's
 * own and the answer is for that browser only.
 *
 * @param region where the visitor is; empty when unknown
 * @param inUrl whether the URL named it, so that shared caches may keep the answer
 */
record AskedRegion(Optional<Region> region, boolean inUrl) {

  /** What {@code GET /v1/region} answers the banner script for a visitor it cannot place. */
  static final String UNKNOWN = "unknown";

  /**
   * The region {@code param} names, or the request's when it is absent.
   *
   * @throws BadRequestException when {@code param} is neither a region code nor {@code unknown}
   */
  static AskedRegion of(String param, Supplier<Optional<Region>> fromRequest) {
    if (param == null) {
      return new AskedRegion(fromRequest.get(), false);
    }
    if (param.toLowerCase(Locale.ROOT).equals(UNKNOWN)) {
      return new AskedRegion(Optional.empty(), true);
    }
    return new AskedRegion(
        Optional.of(
            Region.parse(param)
                .orElseThrow(
                    () ->
                        new BadRequestException(
                            "region must be a country (FR), a subdivision (US-CA) or unknown"))),
        true);
  }

  /** Whether {@code param} can be read without an error: the banner route answers only those. */
  static boolean readable(String param) {
    return param == null
        || param.toLowerCase(Locale.ROOT).equals(UNKNOWN)
        || Region.parse(param).isPresent();
  }
}
