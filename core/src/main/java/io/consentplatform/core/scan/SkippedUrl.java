package io.consentplatform.core.scan;

/** An address a scan found but did not visit (or could not), and why. */
public record SkippedUrl(String url, Reason reason, String detail) {

  public enum Reason {
    /** The site's {@code robots.txt} disallows it for the scanner. */
    ROBOTS,
    /** Not under the site's declared domains (a link, or where a redirect led). */
    OFF_DOMAIN,
    /** Its host resolves to a private, loopback, link-local or metadata address. */
    REFUSED_ADDRESS,
    /** The page did not load in time. */
    TIMEOUT,
    /** Beyond the page cap. */
    OVER_CAP,
    /** It could not be loaded (connection refused, bad answer, a download). */
    FAILED
  }
}
