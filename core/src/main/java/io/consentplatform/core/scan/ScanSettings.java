package io.consentplatform.core.scan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A site's scan settings.
 *
 * @param schedule how often it is scanned by itself (monthly unless changed)
 * @param pageCap the most pages one pass visits on this site; null for the platform's setting
 *     ({@code consent.scanner.page-cap})
 */
public record ScanSettings(
    @NotNull ScanSchedule schedule, @Min(1) @Max(ScanSettings.MAX_PAGE_CAP) Integer pageCap) {

  /** The most pages a site may ask one pass to visit. */
  public static final int MAX_PAGE_CAP = 1000;
}
