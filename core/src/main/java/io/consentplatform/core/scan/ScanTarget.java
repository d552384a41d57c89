package io.consentplatform.core.scan;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What one scan visits and within which bounds.
 *
 * @param siteKey the site's public key: the banner script of the site is {@code
 *     /v1/sites/{siteKey}/banner.js} on the platform
 * @param domains the site's declared domains ({@code host} or {@code host:port}); the crawl starts
 *     at the root of each (HTTPS first, then HTTP) and stays under them
 * @param pageCap the most pages one pass visits
 * @param depth how many links away from a start page (or a sitemap entry) the crawl follows
 * @param pageTimeout the longest one page may take to load
 * @param scanTimeout the longest the whole scan (every pass) may take
 * @param reachable the {@code host:port} pairs this scan may reach even on a private or loopback
 *     address while private networks are refused: the platform's own demo pages, for the demo site
 *     only
 */
public record ScanTarget(
    String siteKey,
    List<String> domains,
    int pageCap,
    int depth,
    Duration pageTimeout,
    Duration scanTimeout,
    Set<String> reachable) {}
