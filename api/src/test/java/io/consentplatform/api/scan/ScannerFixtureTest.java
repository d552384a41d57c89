package io.consentplatform.api.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.Impressions;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.scan.ObservedCookie;
import io.consentplatform.core.scan.ObservedCookie.SetBy;
import io.consentplatform.core.scan.ObservedStorage;
import io.consentplatform.core.scan.ObservedStorage.Kind;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.ScanObservations;
import io.consentplatform.core.scan.ScanObservations.PassObservations;
import io.consentplatform.core.scan.ScanTarget;
import io.consentplatform.core.scan.SiteScanner;
import io.consentplatform.core.scan.SkippedUrl;
import io.consentplatform.core.scan.SkippedUrl.Reason;
import io.consentplatform.core.scan.report.CookieDatabase;
import io.consentplatform.core.scan.report.Declaration;
import io.consentplatform.core.scan.report.ReportBuilder;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.scan.report.ScanReport.Change;
import io.consentplatform.core.scan.report.ScanReport.CookieFinding;
import io.consentplatform.core.scan.report.ScanReport.DeclaredNotFound;
import io.consentplatform.core.scan.report.ScanReport.DiffStatus;
import io.consentplatform.core.scan.report.ScanReport.Rule;
import io.consentplatform.core.scan.report.ScanReport.ScanCounts;
import io.consentplatform.core.scan.report.ScanReport.Source;
import io.consentplatform.core.scan.report.ScanReport.Violation;
import io.consentplatform.core.scan.report.ScanReport.ViolationKind;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.ScanFixtureSite;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The scan engine against the fixture site in a real Chromium, with the platform's real banner:
 * what each simulated visitor finds, written out here, what the scanner must not visit, and the
 * report made of it against a declared inventory.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ScannerFixtureTest {

  private static final Logger LOG = Logger.getLogger(ScannerFixtureTest.class);
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(4);

  @Inject SiteScanner scanner;
  @Inject PolicyService policies;
  @Inject Impressions impressions;

  @TestHTTPResource("/")
  URL api;

  /** A cookie as the test expects it, its expiry aside (checked against its max-age). */
  private record Seen(
      String name,
      String domain,
      String path,
      boolean httpOnly,
      boolean secure,
      String sameSite,
      SetBy setBy,
      String setterUrl,
      List<String> pages) {

    static Seen of(ObservedCookie c) {
      return new Seen(
          c.name(),
          c.domain(),
          c.path(),
          c.httpOnly(),
          c.secure(),
          c.sameSite(),
          c.setBy(),
          c.setterUrl(),
          c.pages());
    }
  }

  @Test
  void shouldFindWhatEachVisitorLeavesBehindAndVisitNothingItMustNot() throws IOException {
    String platform = api.toString().replaceAll("/$", "");
    String platformHost = "localhost:" + api.getPort();
    try (ScanFixtureSite site = new ScanFixtureSite(platform, "scan-fixture")) {
      policies.publish(SiteFixture.create("scan-fixture", List.of(site.domain())), "test");

      Instant before = Instant.now();
      ScanObservations scan =
          scanner.scan(
              new ScanTarget(
                  "scan-fixture",
                  List.of(site.domain()),
                  50,
                  2,
                  PAGE_TIMEOUT,
                  Duration.ofMinutes(5),
                  Set.of(site.domain(), site.trackerDomain(), platformHost)),
              (pass, visited, cap) -> LOG.infof("%s: %d of %d", pass, visited, cap));
      LOG.infof(
          "Scan of the fixture took %d ms", Duration.between(before, Instant.now()).toMillis());
      LOG.info(scan);

      assertEquals(
          List.of(),
          ProcessHandle.current()
              .descendants()
              .filter(p -> p.info().commandLine().orElse("").contains("consent-scan-"))
              .toList(),
          "every browser process of the scan is gone (its profile goes with it)");
      assertTrue(scan.bannerEmbedded(), "the first page loaded the banner and it showed");
      assertEquals(
          List.of(Pass.NO_DECISION, Pass.REJECTED_ALL, Pass.ACCEPTED_ALL),
          scan.passes().stream().map(PassObservations::pass).toList());

      String home = site.url("/");
      String fromSitemap = site.url("/from-sitemap");
      String about = site.url("/about");
      String offers = site.url("/offers");
      List<String> pages = List.of(home, fromSitemap, about, offers);
      for (PassObservations pass : scan.passes()) {
        assertEquals(pages, pass.pages(), pass.pass() + " visits the same pages");
        assertEquals(
            List.of(platformHost, site.trackerDomain()),
            pass.thirdPartyHosts(),
            pass.pass() + " contacts the platform and the tracker");
        List<ObservedStorage> storage = new ArrayList<>();
        storage.add(
            new ObservedStorage(
                Kind.LOCAL_STORAGE, "http://" + site.domain(), "cart", List.of(home)));
        if (pass.pass() != Pass.NO_DECISION) {
          // The banner's mark of the decision it made, named as the platform's cookie.
          storage.add(
              new ObservedStorage(
                  Kind.LOCAL_STORAGE,
                  "http://" + site.domain(),
                  "cookies_preferences",
                  List.of(home)));
        }
        storage.add(
            new ObservedStorage(
                Kind.LOCAL_STORAGE, "http://" + site.trackerDomain(), "tp_seen", List.of(about)));
        // The banner keeps the visitor's region for the session, named after the platform's cookie.
        storage.add(
            new ObservedStorage(
                Kind.SESSION_STORAGE,
                "http://" + site.domain(),
                "cookies_preferences_region",
                List.of(home)));
        storage.add(
            new ObservedStorage(
                Kind.SESSION_STORAGE, "http://" + site.domain(), "tab_id", List.of(home)));
        storage.add(
            new ObservedStorage(
                Kind.INDEXED_DB, "http://" + site.domain(), "shop-db", List.of(home)));
        assertEquals(storage, pass.storage(), pass.pass() + " storage");
      }

      String shop = "shop.localhost";
      Seen session =
          new Seen("shop_session", shop, "/", true, false, "Lax", SetBy.HTTP, home, List.of(home));
      Seen theme =
          new Seen(
              "ui_theme",
              shop,
              "/",
              false,
              false,
              null,
              SetBy.JAVASCRIPT,
              site.url("/js/app.js"),
              List.of(home));
      Seen sitemapVisit =
          new Seen(
              "sitemap_visit",
              shop,
              "/from-sitemap",
              false,
              false,
              null,
              SetBy.HTTP,
              fromSitemap,
              List.of(fromSitemap));
      Seen trackerId =
          new Seen(
              "_tr_id",
              shop,
              "/",
              false,
              false,
              null,
              SetBy.JAVASCRIPT,
              site.trackerUrl("/collect.js"),
              List.of(about));
      Seen pixel =
          new Seen(
              "_fbp",
              shop,
              "/",
              false,
              false,
              null,
              SetBy.JAVASCRIPT,
              site.url("/js/pixel.js"),
              List.of(offers));
      Seen thirdParty =
          new Seen(
              "tp_uid",
              "tracker.localhost",
              "/",
              false,
              true,
              "None",
              SetBy.HTTP,
              site.trackerUrl("/frame"),
              List.of(about));
      Seen preferences =
          new Seen(
              "cookies_preferences",
              shop,
              "/",
              false,
              false,
              "Lax",
              SetBy.JAVASCRIPT,
              platform + "/v1/sites/scan-fixture/banner.js",
              List.of(home));
      Seen stats =
          new Seen(
              "_stats_id",
              shop,
              "/",
              false,
              false,
              null,
              SetBy.JAVASCRIPT,
              site.url("/js/stats.js"),
              List.of(home));
      Seen ads =
          new Seen(
              "_ads_id",
              shop,
              "/",
              false,
              false,
              null,
              SetBy.JAVASCRIPT,
              site.url("/js/ads.js"),
              List.of(home));

      assertEquals(
          List.of(pixel, trackerId, session, sitemapVisit, theme, thirdParty),
          cookies(scan, Pass.NO_DECISION),
          "before consent: no preferences, no statistics, no marketing from blocked scripts");
      assertEquals(
          List.of(pixel, trackerId, preferences, session, sitemapVisit, theme, thirdParty),
          cookies(scan, Pass.REJECTED_ALL),
          "after a refusal, the pixel and the tracker still set theirs");
      assertEquals(
          List.of(
              ads, pixel, stats, trackerId, preferences, session, sitemapVisit, theme, thirdParty),
          cookies(scan, Pass.ACCEPTED_ALL),
          "after acceptance, the blocked scripts ran");

      ObservedCookie accepted = cookie(scan, Pass.ACCEPTED_ALL, "_stats_id");
      assertExpiresIn(accepted, Duration.ofDays(365), before);
      assertExpiresIn(cookie(scan, Pass.NO_DECISION, "ui_theme"), Duration.ofDays(1), before);
      assertExpiresIn(cookie(scan, Pass.NO_DECISION, "tp_uid"), Duration.ofDays(30), before);
      assertExpiresIn(cookie(scan, Pass.NO_DECISION, "sitemap_visit"), Duration.ofHours(1), before);
      assertNull(cookie(scan, Pass.NO_DECISION, "shop_session").expires(), "a session cookie");

      assertEquals(
          List.of(
              new SkippedUrl(site.url("/private"), Reason.ROBOTS, "disallowed by robots.txt"),
              new SkippedUrl(site.url("/brochure.pdf"), Reason.FAILED, "a download"),
              new SkippedUrl(
                  "https://elsewhere.example/", Reason.OFF_DOMAIN, "not under the site's domains"),
              new SkippedUrl(
                  platform + "/sites/scan-fixture/cookie-policy?lang=en",
                  Reason.OFF_DOMAIN,
                  "not under the site's domains"),
              new SkippedUrl(
                  site.trackerUrl("/landing"), Reason.OFF_DOMAIN, "not under the site's domains"),
              new SkippedUrl(site.url("/slow"), Reason.TIMEOUT, "did not load in 4s")),
          scan.skipped());
      assertFalse(site.requested(site.domain(), "/private"), "robots.txt was obeyed");
      assertFalse(
          site.requested(site.trackerDomain(), "/landing"), "the redirect was not followed");
      assertFalse(site.requested(site.domain(), "/subscribe"), "no form was submitted");
      assertFalse(site.requested(site.domain(), "/brochure.pdf"), "nothing was downloaded");
      assertTrue(site.requested(site.domain(), "/slow"), "the slow page was tried");
      assertEquals(
          0L,
          QuarkusTransaction.requiringNew()
              .call(() -> ConsentRecord.count("site.key", "scan-fixture")),
          "the banner's decisions never reached the platform");
      impressions.flush();
      assertEquals(
          0L,
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      ((Number)
                              ConsentRecord.getEntityManager()
                                  .createNativeQuery(
                                      "select count(*) from banner_impression i join site s on"
                                          + " s.id = i.site_id where s.site_key = 'scan-fixture'")
                                  .getSingleResult())
                          .longValue()),
          "nor did its impressions");

      assertReport(
          ReportBuilder.build(
              scan, FIXTURE_DECLARATIONS, List.of(site.domain()), CookieDatabase.shipped(), before),
          site,
          platform);
    }
  }

  /**
   * What the fixture's tenant declares: its session and a never-set cookie as necessary, its theme
   * cookies as statistics by a wildcard, its sitemap cookie for a year (it lives an hour), its
   * statistics cookie for the year it lives.
   */
  private static final List<Declaration> FIXTURE_DECLARATIONS =
      List.of(
          declared(1, "shop_session", false, Retention.session(), Purpose.NECESSARY),
          declared(2, "ui_", true, Retention.of(1, Retention.Unit.DAYS), Purpose.STATISTICS),
          declared(
              3, "sitemap_visit", false, Retention.of(1, Retention.Unit.YEARS), Purpose.NECESSARY),
          declared(
              4, "_stats_id", false, Retention.of(1, Retention.Unit.YEARS), Purpose.STATISTICS),
          declared(
              5, "old_cookie", false, Retention.of(1, Retention.Unit.DAYS), Purpose.NECESSARY));

  private static Declaration declared(
      long id, String name, boolean wildcard, Retention retention, Purpose purpose) {
    return new Declaration(
        id,
        name,
        wildcard,
        null,
        Party.FIRST_PARTY,
        retention,
        purpose.name().toLowerCase(),
        purpose,
        purpose == Purpose.NECESSARY,
        "Shop");
  }

  /** A finding as the test expects it: how it was classified and how it compares. */
  private record Classified(
      String name,
      Party party,
      Source source,
      Rule rule,
      String matched,
      Purpose purpose,
      DiffStatus diff,
      List<Change> changes,
      List<Pass> passes) {

    static Classified of(CookieFinding f) {
      return new Classified(
          f.name(),
          f.party(),
          f.classification().source(),
          f.classification().rule(),
          f.classification().matched(),
          f.classification().purpose(),
          f.diff(),
          f.changes(),
          f.passes());
    }
  }

  /**
   * The report of the fixture's scan: classification sources (the Open Cookie Database's ids read
   * by hand from its CSV: {@code _fbp} is Facebook's marketing cookie, {@code tp} a marketing
   * prefix of Totvs), both violation kinds with the page and script at fault, the diff.
   */
  private static void assertReport(ScanReport report, ScanFixtureSite site, String platform) {
    List<Pass> all = List.of(Pass.NO_DECISION, Pass.REJECTED_ALL, Pass.ACCEPTED_ALL);
    List<Pass> accepted = List.of(Pass.ACCEPTED_ALL);
    String facebook = "0d249cd5-ae35-4dbb-ad00-d5ca46948619";
    String tailtarget = "235735ae-0c85-4009-b6f4-4dc283345c44";
    Party first = Party.FIRST_PARTY;
    assertEquals(
        List.of(
            new Classified(
                "_ads_id",
                first,
                Source.UNCLASSIFIED,
                Rule.NONE,
                null,
                null,
                DiffStatus.NEW,
                List.of(),
                accepted),
            new Classified(
                "_fbp",
                first,
                Source.OPEN_COOKIE_DATABASE,
                Rule.OCD_NAME,
                facebook,
                Purpose.MARKETING,
                DiffStatus.NEW,
                List.of(),
                all),
            new Classified(
                "_stats_id",
                first,
                Source.DECLARED,
                Rule.DECLARED_NAME,
                "_stats_id",
                Purpose.STATISTICS,
                DiffStatus.DECLARED,
                List.of(),
                accepted),
            new Classified(
                "_tr_id",
                first,
                Source.UNCLASSIFIED,
                Rule.NONE,
                null,
                null,
                DiffStatus.NEW,
                List.of(),
                all),
            new Classified(
                "cookies_preferences",
                first,
                Source.PLATFORM,
                Rule.PLATFORM_COOKIE,
                "cookies_preferences",
                Purpose.NECESSARY,
                DiffStatus.NEW,
                List.of(),
                List.of(Pass.REJECTED_ALL, Pass.ACCEPTED_ALL)),
            new Classified(
                "shop_session",
                first,
                Source.DECLARED,
                Rule.DECLARED_NAME,
                "shop_session",
                Purpose.NECESSARY,
                DiffStatus.DECLARED,
                List.of(),
                all),
            new Classified(
                "sitemap_visit",
                first,
                Source.DECLARED,
                Rule.DECLARED_NAME,
                "sitemap_visit",
                Purpose.NECESSARY,
                DiffStatus.CHANGED,
                List.of(Change.RETENTION),
                all),
            new Classified(
                "tp_uid",
                Party.THIRD_PARTY,
                Source.OPEN_COOKIE_DATABASE,
                Rule.OCD_WILDCARD,
                tailtarget,
                Purpose.MARKETING,
                DiffStatus.NEW,
                List.of(),
                all),
            new Classified(
                "ui_theme",
                first,
                Source.DECLARED,
                Rule.DECLARED_WILDCARD,
                "ui_*",
                Purpose.STATISTICS,
                DiffStatus.DECLARED,
                List.of(),
                all)),
        report.cookies().stream().map(Classified::of).toList());

    String shop = "shop.localhost";
    String tracker = "tracker.localhost";
    String offers = site.url("/offers");
    String about = site.url("/about");
    String home = site.url("/");
    List<Violation> expected = new ArrayList<>();
    for (Pass pass : List.of(Pass.NO_DECISION, Pass.REJECTED_ALL)) {
      ViolationKind kind =
          pass == Pass.NO_DECISION
              ? ViolationKind.SET_BEFORE_CONSENT
              : ViolationKind.SET_DESPITE_REFUSAL;
      expected.add(
          new Violation(
              kind,
              pass,
              "_fbp",
              shop,
              offers,
              SetBy.JAVASCRIPT,
              site.url("/js/pixel.js"),
              Purpose.MARKETING,
              "Facebook"));
      expected.add(
          new Violation(
              kind,
              pass,
              "tp_uid",
              tracker,
              about,
              SetBy.HTTP,
              site.trackerUrl("/frame"),
              Purpose.MARKETING,
              "Totvs"));
      expected.add(
          new Violation(
              kind,
              pass,
              "ui_theme",
              shop,
              home,
              SetBy.JAVASCRIPT,
              site.url("/js/app.js"),
              Purpose.STATISTICS,
              "Shop"));
    }
    expected.add(
        new Violation(
            ViolationKind.TO_REVIEW,
            Pass.NO_DECISION,
            "_tr_id",
            shop,
            about,
            SetBy.JAVASCRIPT,
            site.trackerUrl("/collect.js"),
            null,
            null));
    assertEquals(
        expected,
        report.violations().stream()
            .sorted(
                Comparator.comparing(Violation::kind)
                    .thenComparing(Violation::pass)
                    .thenComparing(Violation::name))
            .toList(),
        "both kinds of violation, and the unknown cookie set before consent to review");
    assertEquals(
        ViolationKind.TO_REVIEW,
        report.violations().get(report.violations().size() - 1).kind(),
        "violations come before what is only to review");
    assertEquals(
        List.of("old_cookie"),
        report.declaredNotFound().stream().map(DeclaredNotFound::name).toList(),
        "declared but not found");
    // Storage: the fixture's four items, the banner's own mark of a decision and its record of the
    // visitor's region, which the report knows as the platform's, strictly necessary (no
    // violation, though the region is kept before any answer).
    assertEquals(new ScanCounts(9, 6, 2, 4, 6, 1, 5, 1, 1), report.counts());
    ScanReport.StorageFinding region =
        report.storage().stream()
            .filter(f -> f.name().equals("cookies_preferences_region"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of(Source.PLATFORM, Rule.PLATFORM_COOKIE, true),
        List.of(
            region.classification().source(),
            region.classification().rule(),
            region.classification().necessary()));
    assertEquals(List.of(Pass.NO_DECISION, Pass.REJECTED_ALL, Pass.ACCEPTED_ALL), region.passes());
    ScanReport.StorageFinding mark =
        report.storage().stream()
            .filter(f -> f.name().equals("cookies_preferences"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of(Source.PLATFORM, Rule.PLATFORM_COOKIE, true),
        List.of(
            mark.classification().source(),
            mark.classification().rule(),
            mark.classification().necessary()));
    assertEquals(List.of(Pass.REJECTED_ALL, Pass.ACCEPTED_ALL), mark.passes());
    assertTrue(report.bannerEmbedded());
    assertEquals(
        List.of("localhost:" + URI.create(platform).getPort(), site.trackerDomain()),
        report.thirdPartyHosts());
  }

  @Test
  void shouldStopAtThePageCap() {
    String platform = api.toString().replaceAll("/$", "");
    try (ScanFixtureSite site = new ScanFixtureSite(platform, "scan-cap")) {
      policies.publish(SiteFixture.create("scan-cap", List.of(site.domain())), "test");

      ScanObservations scan =
          scanner.scan(
              new ScanTarget(
                  "scan-cap",
                  List.of(site.domain()),
                  2,
                  2,
                  PAGE_TIMEOUT,
                  Duration.ofMinutes(5),
                  Set.of(site.domain(), site.trackerDomain(), "localhost:" + api.getPort())),
              null);

      for (PassObservations pass : scan.passes()) {
        assertEquals(List.of(site.url("/"), site.url("/from-sitemap")), pass.pages());
      }
      List<SkippedUrl> overCap =
          scan.skipped().stream().filter(s -> s.reason() == Reason.OVER_CAP).toList();
      assertEquals(
          List.of(
              new SkippedUrl(site.url("/about"), Reason.OVER_CAP, "beyond 2 pages"),
              new SkippedUrl(site.url("/offers"), Reason.OVER_CAP, "beyond 2 pages"),
              new SkippedUrl(site.url("/leave"), Reason.OVER_CAP, "beyond 2 pages"),
              new SkippedUrl(site.url("/slow"), Reason.OVER_CAP, "beyond 2 pages")),
          overCap);
      assertFalse(site.requested(site.domain(), "/about"));
      assertFalse(site.requested(site.domain(), "/slow"));
    }
  }

  @Test
  void shouldRefuseASiteDeclaredAsTheCloudMetadataAddress() {
    ScanObservations scan =
        scanner.scan(
            new ScanTarget(
                "scan-metadata",
                List.of("169.254.169.254"),
                50,
                2,
                PAGE_TIMEOUT,
                Duration.ofMinutes(1),
                Set.of()),
            null);

    assertFalse(scan.bannerEmbedded());
    assertEquals(1, scan.passes().size());
    assertEquals(List.of(), scan.passes().get(0).pages(), "nothing visited");
    assertEquals(
        List.of(
            new SkippedUrl(
                "https://169.254.169.254/",
                Reason.REFUSED_ADDRESS,
                "a private or reserved address")),
        scan.skipped());
  }

  @Test
  void shouldRefuseARedirectToLoopback() throws IOException {
    AtomicInteger secretHits = new AtomicInteger();
    HttpServer secret = loopbackServer();
    secret.createContext(
        "/",
        exchange -> {
          secretHits.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    secret.start();
    String target = "http://127.0.0.1:" + secret.getAddress().getPort() + "/secret";
    HttpServer gate = loopbackServer();
    gate.createContext(
        "/",
        exchange -> {
          if (exchange.getRequestURI().getPath().equals("/")) {
            exchange.getResponseHeaders().add("Location", target);
            exchange.sendResponseHeaders(302, -1);
          } else {
            exchange.sendResponseHeaders(404, -1);
          }
          exchange.close();
        });
    gate.start();
    String gateDomain = "gate.localhost:" + gate.getAddress().getPort();
    try {
      ScanObservations scan =
          scanner.scan(
              new ScanTarget(
                  "scan-redirect",
                  List.of(gateDomain),
                  50,
                  2,
                  PAGE_TIMEOUT,
                  Duration.ofMinutes(1),
                  Set.of(gateDomain)),
              null);

      assertEquals(List.of(), scan.passes().get(0).pages(), "the redirect led nowhere");
      assertEquals(
          List.of(new SkippedUrl(target, Reason.REFUSED_ADDRESS, "a private or reserved address")),
          scan.skipped());
      assertEquals(0, secretHits.get(), "the loopback server was never reached");
    } finally {
      gate.stop(0);
      secret.stop(0);
    }
  }

  @Test
  void shouldRefuseWhatAPageAsksOfLoopbackThroughTheProxy() throws IOException {
    AtomicInteger secretHits = new AtomicInteger();
    HttpServer secret = loopbackServer();
    secret.createContext(
        "/",
        exchange -> {
          secretHits.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    secret.start();
    String pixel = "http://127.0.0.1:" + secret.getAddress().getPort() + "/pixel.gif";
    HttpServer page = loopbackServer();
    page.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("<!DOCTYPE html><title>Page</title><img alt=\"\" src=\"" + pixel + "\">")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().equals("/") ? 200 : 404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    page.start();
    String pageDomain = "page.localhost:" + page.getAddress().getPort();
    try {
      ScanObservations scan =
          scanner.scan(
              new ScanTarget(
                  "scan-subresource",
                  List.of(pageDomain),
                  50,
                  2,
                  PAGE_TIMEOUT,
                  Duration.ofMinutes(1),
                  Set.of(pageDomain)),
              null);

      assertEquals(List.of("http://" + pageDomain + "/"), scan.passes().get(0).pages());
      assertEquals(
          List.of(new SkippedUrl(pixel, Reason.REFUSED_ADDRESS, "a private or reserved address")),
          scan.skipped());
      assertEquals(0, secretHits.get(), "the browser did not go around the proxy to loopback");
      assertEquals(
          List.of(), scan.passes().get(0).thirdPartyHosts(), "a refused host was not contacted");
    } finally {
      page.stop(0);
      secret.stop(0);
    }
  }

  private static List<Seen> cookies(ScanObservations scan, Pass pass) {
    List<Seen> seen = new ArrayList<>();
    for (ObservedCookie cookie : pass(scan, pass).cookies()) {
      seen.add(Seen.of(cookie));
    }
    return seen;
  }

  private static ObservedCookie cookie(ScanObservations scan, Pass pass, String name) {
    return pass(scan, pass).cookies().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static PassObservations pass(ScanObservations scan, Pass pass) {
    return scan.passes().stream().filter(p -> p.pass() == pass).findFirst().orElseThrow();
  }

  private static void assertExpiresIn(ObservedCookie cookie, Duration maxAge, Instant before) {
    assertNotNull(cookie.expires(), cookie.name() + " persists");
    Instant earliest = before.plus(maxAge).minusSeconds(5);
    Instant latest = Instant.now().plus(maxAge).plusSeconds(5);
    assertTrue(
        !cookie.expires().isBefore(earliest) && !cookie.expires().isAfter(latest),
        cookie.name() + " expires " + cookie.expires() + ", about " + maxAge + " after it was set");
  }

  /**
   * A server on a loopback port with a thread per exchange: the scanner asks a domain over HTTPS
   * and HTTP at once, and the JDK server's default single thread would sit on the TLS handshake
   * (read as a request line that never ends) while the plain request waits behind it.
   */
  private static HttpServer loopbackServer() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    return server;
  }
}
