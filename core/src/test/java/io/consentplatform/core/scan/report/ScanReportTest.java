package io.consentplatform.core.scan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.scan.ObservedCookie;
import io.consentplatform.core.scan.ObservedCookie.SetBy;
import io.consentplatform.core.scan.ObservedStorage;
import io.consentplatform.core.scan.ObservedStorage.Kind;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.ScanObservations;
import io.consentplatform.core.scan.ScanObservations.PassObservations;
import io.consentplatform.core.scan.SkippedUrl;
import io.consentplatform.core.scan.report.ScanReport.CookieFinding;
import io.consentplatform.core.scan.report.ScanReport.DeclaredNotFound;
import io.consentplatform.core.scan.report.ScanReport.ScanCounts;
import io.consentplatform.core.scan.report.ScanReport.StorageFinding;
import io.consentplatform.core.scan.report.ScanReport.Violation;
import io.consentplatform.core.scan.report.ScanReport.ViolationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report made from hand-written observations of three passes over a shop, against its
 * declarations: every finding's classification and diff, both kinds of violation and what to
 * review, what was declared and not found, written out as a person reading the report expects them.
 */
class ScanReportTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String HOME = "https://shop.example/";
  private static final String ABOUT = "https://shop.example/about";
  private static final String SHOP = "https://shop.example/shop";
  private static final String GTAG = "https://www.googletagmanager.com/gtag/js?id=G-1";

  private static final List<Declaration> DECLARED =
      List.of(
          declared(1, "sessionid", false, null, Party.FIRST_PARTY, Retention.session(), true),
          new Declaration(
              2,
              "_ga_",
              true,
              null,
              Party.FIRST_PARTY,
              Retention.of(13, Retention.Unit.MONTHS),
              "statistics",
              Purpose.STATISTICS,
              false,
              "Google"),
          new Declaration(
              3,
              "prefs",
              false,
              null,
              Party.FIRST_PARTY,
              Retention.of(30, Retention.Unit.DAYS),
              "preferences",
              Purpose.PREFERENCES,
              false,
              "Shop"),
          new Declaration(
              4,
              "tracker_id",
              false,
              null,
              Party.FIRST_PARTY,
              Retention.of(30, Retention.Unit.DAYS),
              "marketing",
              Purpose.MARKETING,
              false,
              "AdCo"),
          new Declaration(
              5,
              "old_cookie",
              false,
              null,
              Party.FIRST_PARTY,
              Retention.of(1, Retention.Unit.DAYS),
              "statistics",
              Purpose.STATISTICS,
              false,
              "Shop"),
          new Declaration(
              6,
              "lang",
              false,
              null,
              Party.FIRST_PARTY,
              Retention.session(),
              "preferences",
              Purpose.PREFERENCES,
              false,
              "Shop"),
          declared(
              7,
              "cdn_token",
              false,
              "cdn.example",
              Party.THIRD_PARTY,
              Retention.of(1, Retention.Unit.DAYS),
              true));

  private static Declaration declared(
      long id,
      String name,
      boolean wildcard,
      String domain,
      Party party,
      Retention retention,
      boolean necessary) {
    return new Declaration(
        id,
        name,
        wildcard,
        domain,
        party,
        retention,
        "necessary",
        Purpose.NECESSARY,
        necessary,
        "Shop");
  }

  private static ObservedCookie cookie(
      String name, String domain, Duration lifetime, SetBy setBy, String setter, String page) {
    return new ObservedCookie(
        name,
        domain,
        "/",
        lifetime == null ? null : T0.plus(lifetime),
        setBy == SetBy.HTTP,
        true,
        "Lax",
        setBy,
        setter,
        List.of(page));
  }

  private static final ObservedCookie SESSIONID =
      cookie("sessionid", "shop.example", null, SetBy.HTTP, HOME, HOME);
  private static final ObservedCookie PREFERENCES =
      cookie(
          "cookies_preferences",
          "shop.example",
          Duration.ofDays(182),
          SetBy.JAVASCRIPT,
          "https://consent.example/v1/sites/shop/banner.js",
          HOME);
  private static final ObservedCookie GID =
      cookie("_gid", ".shop.example", Duration.ofDays(1), SetBy.JAVASCRIPT, GTAG, HOME);
  private static final ObservedCookie IDE =
      cookie(
          "IDE",
          ".doubleclick.net",
          Duration.ofDays(730),
          SetBy.HTTP,
          "https://ad.doubleclick.net/ddm/x",
          ABOUT);
  private static final ObservedCookie MYSTERY =
      cookie("mystery", "shop.example", null, SetBy.JAVASCRIPT, null, ABOUT);
  private static final ObservedCookie TRACKER =
      cookie(
          "tracker_id",
          "shop.example",
          Duration.ofDays(40),
          SetBy.JAVASCRIPT,
          "https://shop.example/js/track.js",
          HOME);

  private static ScanObservations observations() {
    PassObservations noDecision =
        new PassObservations(
            Pass.NO_DECISION,
            List.of(HOME, ABOUT),
            List.of(SESSIONID, GID, IDE, MYSTERY),
            List.of(
                new ObservedStorage(
                    Kind.LOCAL_STORAGE, "https://shop.example", "cart", List.of(HOME))),
            List.of("www.googletagmanager.com", "ad.doubleclick.net"));
    PassObservations rejected =
        new PassObservations(
            Pass.REJECTED_ALL,
            List.of(HOME),
            List.of(SESSIONID, PREFERENCES, TRACKER, MYSTERY),
            List.of(
                new ObservedStorage(
                    Kind.SESSION_STORAGE, "https://shop.example", "step", List.of(HOME))),
            List.of());
    PassObservations accepted =
        new PassObservations(
            Pass.ACCEPTED_ALL,
            List.of(HOME, SHOP),
            List.of(
                SESSIONID,
                PREFERENCES,
                TRACKER,
                GID,
                IDE,
                cookie("prefs", "shop.example", Duration.ofDays(36), SetBy.HTTP, SHOP, SHOP),
                cookie(
                    "_ga_5XK2Z9QW1L",
                    ".shop.example",
                    Duration.ofDays(400),
                    SetBy.JAVASCRIPT,
                    GTAG,
                    HOME),
                cookie("lang", "shop.example", Duration.ofDays(365), SetBy.HTTP, HOME, HOME),
                cookie("cdn_token", ".shop.example", Duration.ofDays(1), SetBy.HTTP, HOME, HOME),
                cookie(
                    "zz_px",
                    ".ad.doubleclick.net",
                    Duration.ofDays(90),
                    SetBy.HTTP,
                    "https://ad.doubleclick.net/px",
                    SHOP)),
            List.of(
                new ObservedStorage(
                    Kind.INDEXED_DB, "https://www.youtube.com", "yt-player", List.of(SHOP))),
            List.of("www.youtube.com", "ad.doubleclick.net"));
    return new ScanObservations(
        true,
        List.of(noDecision, rejected, accepted),
        List.of(
            new SkippedUrl(
                "https://shop.example/private", SkippedUrl.Reason.ROBOTS, "Disallow: /private")));
  }

  private final ScanReport report =
      ReportBuilder.build(
          observations(), DECLARED, List.of("shop.example"), CookieDatabase.shipped(), T0);

  @Test
  void shouldShowBothKindsOfViolationFirstThenWhatToReview() {
    assertEquals(
        List.of(
            new Violation(
                ViolationKind.SET_BEFORE_CONSENT,
                Pass.NO_DECISION,
                "_gid",
                ".shop.example",
                HOME,
                SetBy.JAVASCRIPT,
                GTAG,
                Purpose.STATISTICS,
                "Google"),
            new Violation(
                ViolationKind.SET_BEFORE_CONSENT,
                Pass.NO_DECISION,
                "IDE",
                ".doubleclick.net",
                ABOUT,
                SetBy.HTTP,
                "https://ad.doubleclick.net/ddm/x",
                Purpose.MARKETING,
                "Google"),
            new Violation(
                ViolationKind.SET_DESPITE_REFUSAL,
                Pass.REJECTED_ALL,
                "tracker_id",
                "shop.example",
                HOME,
                SetBy.JAVASCRIPT,
                "https://shop.example/js/track.js",
                Purpose.MARKETING,
                "AdCo"),
            // Unclassified and set without consent, in two passes: to review, once.
            new Violation(
                ViolationKind.TO_REVIEW,
                Pass.NO_DECISION,
                "mystery",
                "shop.example",
                ABOUT,
                SetBy.JAVASCRIPT,
                null,
                null,
                null)),
        report.violations());
  }

  @Test
  void shouldClassifyAndCompareEveryCookieWithTheDeclarations() {
    // name | domain | party | source | rule | matched | diff | changes | passes
    assertEquals(
        List.of(
            "IDE|.doubleclick.net|THIRD_PARTY|OPEN_COOKIE_DATABASE|OCD_NAME_AND_DOMAIN"
                + "|256c8986-d881-11e9-8a34-2a2ae2dbcce4|NEW|[]|[NO_DECISION, ACCEPTED_ALL]",
            "_ga_5XK2Z9QW1L|.shop.example|FIRST_PARTY|DECLARED|DECLARED_WILDCARD|_ga_*|DECLARED"
                + "|[]|[ACCEPTED_ALL]",
            "_gid|.shop.example|FIRST_PARTY|OPEN_COOKIE_DATABASE|OCD_NAME"
                + "|256c1ae6-d881-11e9-8a34-2a2ae2dbcce4|NEW|[]|[NO_DECISION, ACCEPTED_ALL]",
            "cdn_token|.shop.example|FIRST_PARTY|DECLARED|DECLARED_NAME|cdn_token|CHANGED"
                + "|[DOMAIN, PARTY]|[ACCEPTED_ALL]",
            "cookies_preferences|shop.example|FIRST_PARTY|PLATFORM|PLATFORM_COOKIE"
                + "|cookies_preferences|NEW|[]|[REJECTED_ALL, ACCEPTED_ALL]",
            // Declared as a session cookie, kept a year: changed retention.
            "lang|shop.example|FIRST_PARTY|DECLARED|DECLARED_NAME|lang|CHANGED|[RETENTION]"
                + "|[ACCEPTED_ALL]",
            "mystery|shop.example|FIRST_PARTY|UNCLASSIFIED|NONE|null|NEW|[]"
                + "|[NO_DECISION, REJECTED_ALL]",
            // 36 days against 30 declared: within a quarter.
            "prefs|shop.example|FIRST_PARTY|DECLARED|DECLARED_NAME|prefs|DECLARED|[]"
                + "|[ACCEPTED_ALL]",
            "sessionid|shop.example|FIRST_PARTY|DECLARED|DECLARED_NAME|sessionid|DECLARED|[]"
                + "|[NO_DECISION, REJECTED_ALL, ACCEPTED_ALL]",
            // 40 days against 30 declared: more than a quarter.
            "tracker_id|shop.example|FIRST_PARTY|DECLARED|DECLARED_NAME|tracker_id|CHANGED"
                + "|[RETENTION]|[REJECTED_ALL, ACCEPTED_ALL]",
            "zz_px|.ad.doubleclick.net|THIRD_PARTY|HOST_RULE|PROVIDER_HOST|doubleclick.net|NEW|[]"
                + "|[ACCEPTED_ALL]"),
        report.cookies().stream().map(ScanReportTest::line).toList());
  }

  @Test
  void shouldKeepWhatTheBrowserSawOfACookie() {
    CookieFinding ide =
        report.cookies().stream().filter(f -> f.name().equals("IDE")).findFirst().orElseThrow();
    assertEquals("/", ide.path());
    assertEquals(Instant.parse("2028-01-01T00:00:00Z"), ide.expires());
    assertEquals(730L * 24 * 3600, ide.lifetimeSeconds());
    assertTrue(ide.httpOnly());
    assertTrue(ide.secure());
    assertEquals("Lax", ide.sameSite());
    assertEquals(SetBy.HTTP, ide.setBy());
    assertEquals("https://ad.doubleclick.net/ddm/x", ide.setterUrl());
    assertEquals(List.of(ABOUT), ide.pages());
    assertEquals(Purpose.MARKETING, ide.classification().purpose());
    assertEquals("Google", ide.classification().provider());
  }

  @Test
  void shouldListStorageHostsPagesSkippedAndWhatWasDeclaredButNotFound() {
    assertEquals(
        List.of(
            "LOCAL_STORAGE|https://shop.example|cart|FIRST_PARTY|[NO_DECISION]",
            "SESSION_STORAGE|https://shop.example|step|FIRST_PARTY|[REJECTED_ALL]",
            "INDEXED_DB|https://www.youtube.com|yt-player|THIRD_PARTY|[ACCEPTED_ALL]"),
        report.storage().stream().map(ScanReportTest::line).toList());
    assertEquals(
        List.of("ad.doubleclick.net", "www.googletagmanager.com", "www.youtube.com"),
        report.thirdPartyHosts());
    assertEquals(List.of(HOME, ABOUT, SHOP), report.pagesVisited());
    assertEquals("https://shop.example/private", report.skipped().get(0).url());
    assertEquals(
        List.of(new DeclaredNotFound(5, "old_cookie", false, null, "statistics", "Shop")),
        report.declaredNotFound());
    assertTrue(report.bannerEmbedded());
    assertEquals(List.of(Pass.NO_DECISION, Pass.REJECTED_ALL, Pass.ACCEPTED_ALL), report.passes());
    assertEquals(new ScanCounts(11, 3, 3, 3, 3, 1, 5, 3, 1), report.counts());
  }

  @Test
  void shouldFindNoViolationWhenOnlyNecessaryCookiesComeBeforeConsent() {
    ScanObservations clean =
        new ScanObservations(
            false,
            List.of(
                new PassObservations(
                    Pass.NO_DECISION, List.of(HOME), List.of(SESSIONID), List.of(), List.of())),
            List.of());
    ScanReport quiet =
        ReportBuilder.build(clean, DECLARED, List.of("shop.example"), CookieDatabase.shipped(), T0);
    assertEquals(List.of(), quiet.violations());
    assertEquals(List.of(Pass.NO_DECISION), quiet.passes());
    assertEquals(false, quiet.bannerEmbedded());
  }

  @Test
  void shouldMatchTheSitesOwnDeclarationsWhereverTheScanVisitedIt() {
    // Declared on the portal's domain, scanned on a local copy of its pages (the demo site).
    Declaration session =
        new Declaration(
            1,
            "sessionid",
            false,
            "data.town.example",
            Party.FIRST_PARTY,
            Retention.of(2, Retention.Unit.WEEKS),
            "necessary",
            Purpose.NECESSARY,
            true,
            "Portal");
    String page = "http://town.localhost:8080/demo/";
    ScanObservations local =
        new ScanObservations(
            true,
            List.of(
                new PassObservations(
                    Pass.NO_DECISION,
                    List.of(page),
                    List.of(
                        new ObservedCookie(
                            "sessionid",
                            "town.localhost",
                            "/",
                            T0.plus(Duration.ofDays(14)),
                            true,
                            false,
                            "Lax",
                            SetBy.HTTP,
                            page,
                            List.of(page))),
                    List.of(),
                    List.of())),
            List.of());
    ScanReport demo =
        ReportBuilder.build(
            local,
            List.of(session),
            List.of("town.localhost:8080"),
            List.of("data.town.example"),
            CookieDatabase.shipped(),
            T0);
    assertEquals(
        List.of(
            "sessionid|town.localhost|FIRST_PARTY|DECLARED|DECLARED_NAME|sessionid|DECLARED|[]"
                + "|[NO_DECISION]"),
        demo.cookies().stream().map(ScanReportTest::line).toList());
    assertEquals(List.of(), demo.violations());
  }

  private static String line(CookieFinding f) {
    return String.join(
        "|",
        f.name(),
        f.domain(),
        f.party().name(),
        f.classification().source().name(),
        f.classification().rule().name(),
        String.valueOf(f.classification().matched()),
        f.diff().name(),
        f.changes().toString(),
        f.passes().toString());
  }

  private static String line(StorageFinding s) {
    return String.join(
        "|", s.kind().name(), s.origin(), s.name(), s.party().name(), s.passes().toString());
  }
}
