package io.consentplatform.core.scan;

import java.util.List;

/**
 * What a scan saw, pass by pass, before any classification.
 *
 * @param bannerEmbedded whether the site's first page loaded the platform's banner for this site;
 *     when it did not, only the {@link Pass#NO_DECISION} pass ran
 * @param passes the passes that ran, in the order of {@link Pass}
 * @param skipped the addresses found but not visited, and why
 */
public record ScanObservations(
    boolean bannerEmbedded, List<PassObservations> passes, List<SkippedUrl> skipped) {

  /**
   * What one simulated visitor saw.
   *
   * @param pages the pages visited, in order (absolute URLs, as requested)
   * @param cookies every cookie in the browser at the end of the pass, however it was set
   * @param storage the {@code localStorage} and {@code sessionStorage} keys and the IndexedDB
   *     databases of the pages' origins and their frames
   * @param thirdPartyHosts the hosts outside the site's declared domains that the pages contacted
   */
  public record PassObservations(
      Pass pass,
      List<String> pages,
      List<ObservedCookie> cookies,
      List<ObservedStorage> storage,
      List<String> thirdPartyHosts) {}
}
