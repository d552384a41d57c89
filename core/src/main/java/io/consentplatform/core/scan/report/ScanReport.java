package io.consentplatform.core.scan.report;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.scan.ObservedCookie;
import io.consentplatform.core.scan.ObservedStorage;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.SkippedUrl;
import java.time.Instant;
import java.util.List;

/**
 * What a scan found on a site, classified and compared with the site's declarations: stored with
 * the scan as JSON, shown to the tenant violations first.
 *
 * @param scannedAt when the scan began; observed lifetimes count from it
 * @param bannerEmbedded whether the site's first page loaded the platform's banner; when it did not
 *     only the first pass ran
 * @param passes the passes that ran
 * @param violations what breaks the visitor's choice (and what to review), in the order found
 * @param cookies every cookie seen in any pass, one finding per name, domain and path
 * @param storage web storage keys and IndexedDB databases
 * @param thirdPartyHosts the hosts outside the site's declared domains its pages contacted
 * @param pagesVisited every page visited by any pass, in order of first visit
 * @param skipped addresses found but not visited, and why
 * @param declaredNotFound declarations no cookie of the scan matched
 */
public record ScanReport(
    Instant scannedAt,
    boolean bannerEmbedded,
    List<Pass> passes,
    List<Violation> violations,
    List<CookieFinding> cookies,
    List<StorageFinding> storage,
    List<String> thirdPartyHosts,
    List<String> pagesVisited,
    List<SkippedUrl> skipped,
    List<DeclaredNotFound> declaredNotFound,
    ScanCounts counts) {

  /** Where a finding's classification came from, in the order they are tried. */
  public enum Source {
    /** The site's own declarations: an exact name, or a wildcard declaration as a prefix. */
    DECLARED,
    /** The platform's own preference cookie, set by the banner: necessary by definition. */
    PLATFORM,
    /** The Open Cookie Database: name and domain, then name, then its wildcard rows. */
    OPEN_COOKIE_DATABASE,
    /** The cookie's domain belongs to a provider the Open Cookie Database knows. */
    HOST_RULE,
    UNCLASSIFIED
  }

  /** The rule of its source that matched. */
  public enum Rule {
    DECLARED_NAME,
    DECLARED_WILDCARD,
    PLATFORM_COOKIE,
    OCD_NAME_AND_DOMAIN,
    OCD_NAME,
    OCD_WILDCARD,
    PROVIDER_HOST,
    NONE
  }

  /**
   * What a cookie (or storage key) is, and why the scan thinks so.
   *
   * @param matched what matched: the declared name or pattern ({@code _ga_*}), the Open Cookie
   *     Database row's id, the provider's host; null when unclassified
   * @param purpose what it is for; null when unclassified
   * @param category the site's category key, for a declared cookie; else null
   * @param necessary whether it may be set without consent: declared in a required category, the
   *     platform's cookie, or of the necessary purpose
   * @param provider who sets it, when known
   * @param declaredCookieId the declaration it matched, for a declared cookie
   */
  public record Classification(
      Source source,
      Rule rule,
      String matched,
      Purpose purpose,
      String category,
      boolean necessary,
      String provider,
      Long declaredCookieId) {

    public static final Classification NONE =
        new Classification(Source.UNCLASSIFIED, Rule.NONE, null, null, null, false, null, null);

    public boolean classified() {
      return source != Source.UNCLASSIFIED;
    }
  }

  /** How a finding compares with the declarations. */
  public enum DiffStatus {
    /** Matches a declaration, which says what was seen. */
    DECLARED,
    /** Matches a declaration that says otherwise: see the finding's changes. */
    CHANGED,
    /** Found, not declared. */
    NEW
  }

  /** What differs between a finding and its declaration. */
  public enum Change {
    DOMAIN,
    PARTY,
    /**
     * The observed lifetime is more than a quarter off the declared retention, or one is a session
     * and the other not.
     */
    RETENTION
  }

  /**
   * One cookie as seen, merged over the passes (its attributes as the first pass saw them).
   *
   * @param lifetimeSeconds from the scan's start to its expiry; null for a session cookie
   * @param setterUrl the response or script that set it, when known
   * @param pages the pages it was first seen or set on
   * @param passes the passes it was seen in
   */
  public record CookieFinding(
      String name,
      String domain,
      String path,
      Party party,
      Instant expires,
      Long lifetimeSeconds,
      boolean httpOnly,
      boolean secure,
      String sameSite,
      ObservedCookie.SetBy setBy,
      String setterUrl,
      List<String> pages,
      List<Pass> passes,
      Classification classification,
      DiffStatus diff,
      List<Change> changes) {}

  /** A web storage key or an IndexedDB database. */
  public record StorageFinding(
      ObservedStorage.Kind kind,
      String origin,
      String name,
      Party party,
      List<String> pages,
      List<Pass> passes,
      Classification classification) {}

  /** The kinds of what a report shows first. */
  public enum ViolationKind {
    /** A cookie that is not necessary, there before the visitor answered the banner. */
    SET_BEFORE_CONSENT,
    /** A cookie that is not necessary, there after the visitor pressed "Reject all". */
    SET_DESPITE_REFUSAL,
    /** An unclassified cookie there without consent: someone must say what it is. */
    TO_REVIEW
  }

  /**
   * A cookie where the visitor's choice says it must not be (or might not be).
   *
   * @param page the page it was first seen on in that pass
   * @param setterUrl the response or script that set it, when known
   */
  public record Violation(
      ViolationKind kind,
      Pass pass,
      String name,
      String domain,
      String page,
      ObservedCookie.SetBy setBy,
      String setterUrl,
      Purpose purpose,
      String provider) {}

  /** A declaration that no cookie of the scan matched. */
  public record DeclaredNotFound(
      long cookieId,
      String name,
      boolean wildcard,
      String domain,
      String category,
      String provider) {}

  /**
   * The figures of a report, for lists and the dashboard.
   *
   * @param violations cookies set before consent or despite refusal
   * @param toReview unclassified cookies set without consent
   * @param newFindings cookies found and not declared
   * @param changed cookies whose declaration says otherwise
   */
  public record ScanCounts(
      int cookies,
      int storage,
      int thirdPartyHosts,
      int pages,
      int violations,
      int toReview,
      int newFindings,
      int changed,
      int declaredNotFound) {}
}
