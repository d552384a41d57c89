package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.scan.ObservedCookie.SetBy;
import io.consentplatform.core.scan.ObservedStorage;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.Scan;
import io.consentplatform.core.scan.ScanSchedule;
import io.consentplatform.core.scan.ScanStatus;
import io.consentplatform.core.scan.ScanTrigger;
import io.consentplatform.core.scan.SkippedUrl;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.scan.report.ScanReport.Change;
import io.consentplatform.core.scan.report.ScanReport.Classification;
import io.consentplatform.core.scan.report.ScanReport.CookieFinding;
import io.consentplatform.core.scan.report.ScanReport.DeclaredNotFound;
import io.consentplatform.core.scan.report.ScanReport.DiffStatus;
import io.consentplatform.core.scan.report.ScanReport.Rule;
import io.consentplatform.core.scan.report.ScanReport.ScanCounts;
import io.consentplatform.core.scan.report.ScanReport.Source;
import io.consentplatform.core.scan.report.ScanReport.StorageFinding;
import io.consentplatform.core.scan.report.ScanReport.Violation;
import io.consentplatform.core.scan.report.ScanReport.ViolationKind;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A site's scans in the back office: an editor starts one and follows it, a viewer may not; a
 * stored report reads violations first, then its findings, storage and diff, in the person's
 * language; the new cookies an editor ticks go to the draft, and a fault is marked on its row with
 * nothing added; the dashboard and settings show the last scan and the schedule.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ScanPagesTest {

  @Inject LocalAccounts accounts;
  @Inject PolicyService policies;

  @Test
  void shouldLetAnEditorStartAScanAndFollowItsProgress() {
    long site = SiteFixture.create("scan-start");
    BackOffice.person(accounts, "editor@scan-start.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("editor@scan-start.example");
    String scans = "/admin/sites/" + site + "/scans";
    Document before = editor.page(scans, 200);
    assertEquals("No scan has run yet.", before.select(".empty").first().text());
    assertEquals(1, before.select("form[action='" + scans + "'] button#start-scan").size());

    Response started = editor.submit(scans, scans, Map.of());

    assertEquals(303, started.statusCode());
    long scan = only(site).id;
    assertTrue(
        started.header("Location").endsWith(scans + "/" + scan + "?done=scan-started"),
        started.header("Location"));
    Document page = editor.page(scans + "/" + scan + "?done=scan-started", 200);
    assertEquals(
        "The scan was requested: this page follows it.", page.select(".notice").first().text());
    Element progress = page.getElementById("scan-progress");
    assertEquals(scans + "/" + scan + "/progress", progress.attr("data-poll"));
    assertEquals("QUEUED", page.getElementById("scan-state").attr("data-state"));
    assertEquals(
        "Waiting for a scanner to take the scan…", page.getElementById("scan-state").text());
    assertTrue(
        progress.text().contains("This instance of the platform does not run scans"),
        "says why nothing happens here: scanning is off in these tests");

    // The fragment the page polls: the progress alone, still polling while the scan waits.
    Document fragment = editor.page(scans + "/" + scan + "/progress", 200);
    assertEquals(
        scans + "/" + scan + "/progress", fragment.select("#scan-progress").attr("data-poll"));
    assertTrue(fragment.select("header, nav").isEmpty(), "a fragment, not a page");

    // Pressed again (or by a colleague): the scan under way is shown, none is added.
    Response again = editor.submit(scans, scans, Map.of());
    assertEquals(303, again.statusCode());
    assertTrue(again.header("Location").endsWith(scans + "/" + scan), again.header("Location"));
    assertEquals(scan, only(site).id);

    // Once the scan is over, the fragment stops polling: the page loads once more for the report.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Scan s = Scan.findById(scan);
              s.status = ScanStatus.FAILED;
              s.finishedAt = Instant.now();
              s.failure = "The site did not answer";
            });
    Document over = editor.page(scans + "/" + scan + "/progress", 200);
    assertFalse(over.select("#scan-progress").hasAttr("data-poll"));
    Document failed = editor.page(scans + "/" + scan, 200);
    assertEquals(
        "The scan failed Reason: The site did not answer Scan the site now",
        failed.getElementById("scan-failed").text());
  }

  @Test
  void shouldShowAViewerNoScanButtonAndRefuseTheirScan() {
    long site = SiteFixture.create("scan-viewer");
    BackOffice.person(accounts, "viewer@scan-viewer.example", site, Role.VIEWER);
    BackOffice viewer = BackOffice.signIn("viewer@scan-viewer.example");
    String scans = "/admin/sites/" + site + "/scans";

    assertTrue(viewer.page(scans, 200).select("#start-scan").isEmpty());
    assertTrue(viewer.page("/admin/sites/" + site, 200).select("#start-scan").isEmpty());
    assertEquals(403, viewer.submit(scans, scans, Map.of()).statusCode());

    assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Scan.count("site.id", site)));
  }

  @Test
  void shouldShowAStoredReportViolationsFirstThenWhatWasFound() {
    long site = SiteFixture.create("scan-report");
    long scan = storeReport(site, true);
    BackOffice.person(accounts, "viewer@scan-report.example", site, Role.VIEWER);
    BackOffice viewer = BackOffice.signIn("viewer@scan-report.example");

    Document page = viewer.page("/admin/sites/" + site + "/scans/" + scan, 200);

    assertTrue(page.select("#scan-progress").isEmpty(), "a finished scan shows no progress");
    assertEquals(
        "2 pages visited, 5 cookies and 2 storage items found, 2 third-party hosts contacted."
            + " Elapsed: 2 min 05 s",
        page.getElementById("report-summary").text());
    assertEquals(
        "The site's pages load this site's banner: the three passes ran.",
        page.getElementById("banner-found").text());
    assertEquals(
        List.of(
            "Set before consent _fbp .scan-report.example",
            "Set despite refusal _ga .scan-report.example",
            "To review mystery scan-report.example"),
        page.select("#violations .violation h3").eachText(),
        "violations first, before consent, then despite refusal, then to review");
    assertEquals(
        "On https://scan-report.example/, set by https://connect.facebook.net/en_US/fbevents.js",
        page.select("#violations .violation .url").first().text());
    assertEquals(
        "Stored after the visitor pressed \"Reject all\", yet not declared as necessary."
            + " (rejected all)",
        page.select("#violations .violation").get(1).select("p").first().text());

    Map<String, List<String>> rows = rows(page, "#findings tbody tr");
    assertEquals(
        List.of("_fbp", "_ga", "mystery", "necessary_cookie", "statistics_cookie"),
        List.copyOf(rows.keySet()));
    assertEquals(
        List.of(
            "_fbp new",
            ".scan-report.example",
            "/",
            "first party",
            "3 months Feb 28, 2027, 04:00:00 EST",
            "Secure SameSite=Lax",
            "script https://connect.facebook.net/en_US/fbevents.js",
            "https://scan-report.example/ no decision, rejected all, accepted all",
            "marketing · Meta Open Cookie Database: 8a5b3c"),
        rows.get("_fbp"));
    assertEquals("Unclassified", rows.get("mystery").get(8), "no rule matched");
    assertEquals(
        "EN necessary · Analytics Inc. declared inventory: necessary_cookie",
        rows.get("necessary_cookie").get(8));
    assertEquals("HttpOnly", rows.get("necessary_cookie").get(5));
    assertEquals("end of session", rows.get("necessary_cookie").get(4));
    assertEquals("HTTP response https://scan-report.example/about", rows.get("mystery").get(6));

    Map<String, List<String>> storage = rows(page, "#storage tbody tr");
    assertEquals(
        List.of(
            "cart",
            "localStorage",
            "https://scan-report.example",
            "first party",
            "https://scan-report.example/ accepted all",
            "Unclassified"),
        storage.get("cart"));
    assertEquals("IndexedDB database", storage.get("offline-db").get(1));
    assertEquals(
        List.of("connect.facebook.net", "www.googletagmanager.com"),
        page.select("#hosts li").eachText());
    assertEquals(
        List.of("https://scan-report.example/", "https://scan-report.example/about"),
        page.select("#pages li").eachText());
    assertEquals(
        List.of(
            "https://scan-report.example/private/ robots.txt disallows it for the scanner",
            "https://elsewhere.example/ outside the site's declared domains redirected from"
                + " https://scan-report.example/out"),
        page.select("#skipped tbody tr").eachText());

    assertEquals("New: found, not declared (3)", page.getElementById("diff-new").text());
    assertEquals(
        List.of(
            "_fbp .scan-report.example", "_ga .scan-report.example", "mystery scan-report.example"),
        page.select(".new-cookies li").eachText());
    assertEquals(
        List.of("marketing_cookie Analytics Inc."), page.select(".missing-cookies li").eachText());
    assertEquals(
        List.of("retention: declared 1 day, found 11 months"),
        page.select(".changed-cookies li li").eachText());
    assertTrue(page.select("form.adopt").isEmpty(), "a viewer adds nothing");

    Document french = viewer.speaking("fr").page("/admin/sites/" + site + "/scans/" + scan, 200);
    assertEquals(
        List.of(
            "Déposé avant le consentement _fbp .scan-report.example",
            "Déposé malgré le refus _ga .scan-report.example",
            "À vérifier mystery scan-report.example"),
        french.select("#violations .violation h3").eachText());
    assertEquals(
        List.of("durée de conservation : déclarée 1 jour, trouvée 11 mois"),
        french.select(".changed-cookies li li").eachText());
    assertEquals("Nouveaux : trouvés, non déclarés (3)", french.getElementById("diff-new").text());
  }

  @Test
  void shouldSayWhenTheSiteDoesNotEmbedTheBanner() {
    long site = SiteFixture.create("scan-nobanner");
    long scan = storeReport(site, false);
    BackOffice.person(accounts, "viewer@scan-nobanner.example", site, Role.VIEWER);

    Document page =
        BackOffice.signIn("viewer@scan-nobanner.example")
            .page("/admin/sites/" + site + "/scans/" + scan, 200);

    assertEquals(
        "The site's pages do not load this site's banner: only the first pass (a visitor who has"
            + " not decided yet) ran. Embed the banner to check what the site does after a"
            + " visitor's choice.",
        page.getElementById("banner-missing").text());
    assertTrue(page.select("#banner-found").isEmpty());
  }

  @Test
  void shouldAddTheTickedNewCookiesToTheDraftWithTheirCategoryAndProvider() {
    long site = SiteFixture.create("scan-adopt");
    policies.publish(site, "test");
    long scan = storeReport(site, true);
    BackOffice.person(accounts, "editor@scan-adopt.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("editor@scan-adopt.example");
    String page = "/admin/sites/" + site + "/scans/" + scan;

    Document report = editor.page(page, 200);
    assertEquals(
        List.of("_fbp", "_ga", "mystery"), report.select("form.adopt tbody tr code").eachText());
    assertEquals(
        "marketing", report.select("#category-0 option[selected]").val(), "from its purpose");
    assertEquals("statistics", report.select("#category-1 option[selected]").val());
    assertTrue(report.select("#category-2 option[selected]").isEmpty(), "unclassified: none");
    assertEquals("Meta", report.getElementById("provider-0").val());
    assertEquals("", report.getElementById("provider-2").val());
    assertEquals(
        List.of("Analytics Inc."),
        report.select("datalist#site-providers option").eachAttr("value"));

    Response adopted =
        adopt(
            editor,
            page,
            List.of("0", "1"),
            List.of("marketing", "necessary", ""),
            List.of("Meta Platforms", "Google", ""));

    assertEquals(303, adopted.statusCode());
    assertTrue(
        adopted.header("Location").endsWith("/admin/sites/" + site + "/versions?done=scan-adopted"),
        adopted.header("Location"));
    Map<String, String> declared = declared(site);
    assertEquals("marketing · Meta Platforms · 3 MONTHS", declared.get("_fbp"));
    assertEquals("necessary · Google · 2 YEARS", declared.get("_ga"), "as the editor chose");
    assertNull(declared.get("mystery"), "not ticked, not added");
    Document versions = editor.page(adopted.header("Location"), 200);
    assertEquals(
        "The cookies you ticked were added to the draft. Check what the draft changes below, then"
            + " publish it.",
        versions.select(".notice").first().text());
    assertTrue(
        versions.select(".changes").text().contains("Cookie added: _fbp"),
        versions.select(".changes").text());
  }

  @Test
  void shouldMarkTheRowAtFaultAndAddNothing() {
    long site = SiteFixture.create("scan-faults");
    long scan = storeReport(site, true);
    BackOffice.person(accounts, "editor@scan-faults.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("editor@scan-faults.example");
    String page = "/admin/sites/" + site + "/scans/" + scan;
    Map<String, String> before = declared(site);

    Response refused =
        adopt(
            editor,
            page,
            List.of("0", "2"),
            List.of("marketing", "statistics", "no-such-category"),
            List.of("Meta", "Google", "  "));

    assertEquals(422, refused.statusCode());
    Document again = Jsoup.parse(refused.asString());
    assertEquals("true", again.getElementById("category-2").attr("aria-invalid"));
    assertEquals(
        "Choose one of the site's categories.", again.getElementById("category-2-error").text());
    assertEquals("true", again.getElementById("provider-2").attr("aria-invalid"));
    assertEquals("Name the provider.", again.getElementById("provider-2-error").text());
    assertFalse(again.getElementById("category-0").hasAttr("aria-invalid"));
    assertEquals(
        List.of("pick-0", "pick-2"),
        again.select("form.adopt input[name=pick][checked]").eachAttr("id"),
        "what was ticked stays ticked");
    assertEquals("Meta", again.getElementById("provider-0").val());
    assertEquals(before, declared(site), "nothing added, not even the row without fault");

    Response nothing = adopt(editor, page, List.of(), List.of("", "", ""), List.of("", "", ""));
    assertEquals(422, nothing.statusCode());
    assertEquals(
        "Tick at least one cookie to add.",
        Jsoup.parse(nothing.asString()).select("p.error[role=alert]").text());

    Response french =
        adopt(
            editor.speaking("fr"),
            page,
            List.of("1"),
            List.of("marketing", "", ""),
            List.of("Meta", "Google", ""));
    assertEquals(422, french.statusCode());
    assertEquals(
        "Choisissez l'une des catégories du site.",
        Jsoup.parse(french.asString()).getElementById("category-1-error").text());

    BackOffice.person(accounts, "viewer@scan-faults.example", site, Role.VIEWER);
    Response viewer =
        adopt(
            BackOffice.signIn("viewer@scan-faults.example"),
            page,
            List.of("0"),
            List.of("marketing", "", ""),
            List.of("Meta", "", ""));
    assertEquals(403, viewer.statusCode());
    assertEquals(before, declared(site));
  }

  @Test
  void shouldHideAnotherTenantsScan() {
    long site = SiteFixture.create("scan-mine");
    long other = SiteFixture.create("scan-theirs");
    long theirs = storeReport(other, true);
    BackOffice.person(accounts, "owner@scan-mine.example", site, Role.OWNER);
    BackOffice owner = BackOffice.signIn("owner@scan-mine.example");

    owner.page("/admin/sites/" + site + "/scans/" + theirs, 404);
    owner.page("/admin/sites/" + other + "/scans/" + theirs, 404);
    owner.page("/admin/sites/" + other + "/scans", 404);
  }

  @Test
  void shouldShowTheLastScanOnTheDashboard() {
    long site = SiteFixture.create("scan-dash");
    BackOffice.person(accounts, "editor@scan-dash.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("editor@scan-dash.example");

    Document never = editor.page("/admin/sites/" + site, 200);
    assertEquals("No scan has run yet.", never.getElementById("no-scan").text());
    assertEquals(1, never.select("#scan-summary #start-scan").size());

    long scan = storeReport(site, true);
    Document dashboard = editor.page("/admin/sites/" + site, 200);
    Element summary = dashboard.getElementById("scan-summary");
    assertTrue(
        summary.text().contains("Last scan: done, requested Nov 30, 2026, 03:59:50 EST"),
        summary.text());
    assertEquals("3", summary.getElementById("scan-new").text());
    assertEquals("2", summary.getElementById("scan-violations").text());
    assertEquals("1", summary.getElementById("scan-to-review").text());
    assertTrue(summary.text().contains("3 new cookies not declared yet · 2 violations"));
    assertEquals(
        "/admin/sites/" + site + "/scans/" + scan,
        summary.getElementById("last-scan-report").attr("href"));

    Document history = editor.page("/admin/sites/" + site + "/scans", 200);
    assertEquals(
        List.of("editor@scan-dash.example", "done", "2", "5", "3", "2 (+1 To review)"),
        rows(history, "table.scans tbody tr").values().iterator().next().subList(1, 7));
  }

  @Test
  void shouldSaveTheScanScheduleAndRefuseAnUnknownOne() {
    long site = SiteFixture.create("scan-schedule");
    BackOffice.person(accounts, "editor@scan-schedule.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("editor@scan-schedule.example");
    String settings = "/admin/sites/" + site + "/settings";
    String action = settings + "/scans";
    assertEquals("MONTHLY", editor.page(settings, 200).select("#schedule option[selected]").val());

    Response saved = editor.submit(settings, action, Map.of("schedule", "WEEKLY"));
    assertEquals(303, saved.statusCode());
    assertEquals(ScanSchedule.WEEKLY, schedule(site));
    assertEquals("WEEKLY", editor.page(settings, 200).select("#schedule option[selected]").val());

    Response refused = editor.submit(settings, action, Map.of("schedule", "HOURLY"));
    assertEquals(422, refused.statusCode());
    Document page = Jsoup.parse(refused.asString());
    assertEquals("true", page.getElementById("schedule").attr("aria-invalid"));
    assertEquals(
        "Choose one of the offered intervals.", page.getElementById("schedule-error").text());
    assertEquals(ScanSchedule.WEEKLY, schedule(site));

    BackOffice.person(accounts, "viewer@scan-schedule.example", site, Role.VIEWER);
    BackOffice viewer = BackOffice.signIn("viewer@scan-schedule.example");
    assertEquals(
        "Scanned every week.", viewer.page(settings, 200).getElementById("schedule-shown").text());
    assertEquals(403, viewer.submit(settings, action, Map.of("schedule", "OFF")).statusCode());
    assertEquals(ScanSchedule.WEEKLY, schedule(site));
  }

  private static final Instant SCANNED = Instant.parse("2026-11-30T09:00:00Z");

  /**
   * Stores a finished scan of the site (as the worker does) with a report written out here: three
   * new cookies (two classified by the Open Cookie Database, one unknown), a declared one, one
   * whose retention differs, one declared and not found, two storage items and three violations.
   */
  private static long storeReport(long siteId, boolean bannerEmbedded) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Site site = Site.findById(siteId);
              long necessary = cookieId(siteId, "necessary_cookie");
              long statistics = cookieId(siteId, "statistics_cookie");
              long marketing = cookieId(siteId, "marketing_cookie");
              String home = "https://scan-report.example/";
              String about = "https://scan-report.example/about";
              List<Pass> all = List.of(Pass.NO_DECISION, Pass.REJECTED_ALL, Pass.ACCEPTED_ALL);
              Classification fbp =
                  new Classification(
                      Source.OPEN_COOKIE_DATABASE,
                      Rule.OCD_NAME,
                      "8a5b3c",
                      Purpose.MARKETING,
                      null,
                      false,
                      "Meta",
                      null);
              Classification ga =
                  new Classification(
                      Source.OPEN_COOKIE_DATABASE,
                      Rule.OCD_NAME,
                      "4c1f2e",
                      Purpose.STATISTICS,
                      null,
                      false,
                      "Google",
                      null);
              String facebook = "https://connect.facebook.net/en_US/fbevents.js";
              String gtag = "https://www.googletagmanager.com/gtag/js";
              List<CookieFinding> cookies =
                  List.of(
                      new CookieFinding(
                          "_fbp",
                          ".scan-report.example",
                          "/",
                          Party.FIRST_PARTY,
                          SCANNED.plus(Duration.ofDays(90)),
                          Duration.ofDays(90).toSeconds(),
                          false,
                          true,
                          "Lax",
                          SetBy.JAVASCRIPT,
                          facebook,
                          List.of(home),
                          all,
                          fbp,
                          DiffStatus.NEW,
                          List.of()),
                      new CookieFinding(
                          "_ga",
                          ".scan-report.example",
                          "/",
                          Party.FIRST_PARTY,
                          SCANNED.plus(Duration.ofDays(730)),
                          Duration.ofDays(730).toSeconds(),
                          false,
                          false,
                          null,
                          SetBy.JAVASCRIPT,
                          gtag,
                          List.of(home),
                          List.of(Pass.REJECTED_ALL, Pass.ACCEPTED_ALL),
                          ga,
                          DiffStatus.NEW,
                          List.of()),
                      new CookieFinding(
                          "mystery",
                          "scan-report.example",
                          "/",
                          Party.FIRST_PARTY,
                          null,
                          null,
                          false,
                          false,
                          null,
                          SetBy.HTTP,
                          about,
                          List.of(about),
                          all,
                          Classification.NONE,
                          DiffStatus.NEW,
                          List.of()),
                      new CookieFinding(
                          "necessary_cookie",
                          "scan-report.example",
                          "/",
                          Party.FIRST_PARTY,
                          null,
                          null,
                          true,
                          false,
                          null,
                          SetBy.HTTP,
                          home,
                          List.of(home),
                          all,
                          new Classification(
                              Source.DECLARED,
                              Rule.DECLARED_NAME,
                              "necessary_cookie",
                              Purpose.NECESSARY,
                              "necessary",
                              true,
                              "Analytics Inc.",
                              necessary),
                          DiffStatus.DECLARED,
                          List.of()),
                      new CookieFinding(
                          "statistics_cookie",
                          "scan-report.example",
                          "/",
                          Party.FIRST_PARTY,
                          SCANNED.plus(Duration.ofDays(340)),
                          Duration.ofDays(340).toSeconds(),
                          false,
                          false,
                          null,
                          SetBy.JAVASCRIPT,
                          null,
                          List.of(home),
                          List.of(Pass.ACCEPTED_ALL),
                          new Classification(
                              Source.DECLARED,
                              Rule.DECLARED_NAME,
                              "statistics_cookie",
                              Purpose.STATISTICS,
                              "statistics",
                              false,
                              "Analytics Inc.",
                              statistics),
                          DiffStatus.CHANGED,
                          List.of(Change.RETENTION)));
              List<Violation> violations =
                  List.of(
                      new Violation(
                          ViolationKind.TO_REVIEW,
                          Pass.NO_DECISION,
                          "mystery",
                          "scan-report.example",
                          about,
                          SetBy.HTTP,
                          about,
                          null,
                          null),
                      new Violation(
                          ViolationKind.SET_BEFORE_CONSENT,
                          Pass.NO_DECISION,
                          "_fbp",
                          ".scan-report.example",
                          home,
                          SetBy.JAVASCRIPT,
                          facebook,
                          Purpose.MARKETING,
                          "Meta"),
                      new Violation(
                          ViolationKind.SET_DESPITE_REFUSAL,
                          Pass.REJECTED_ALL,
                          "_ga",
                          ".scan-report.example",
                          home,
                          SetBy.JAVASCRIPT,
                          gtag,
                          Purpose.STATISTICS,
                          "Google"));
              List<StorageFinding> storage =
                  List.of(
                      new StorageFinding(
                          ObservedStorage.Kind.LOCAL_STORAGE,
                          "https://scan-report.example",
                          "cart",
                          Party.FIRST_PARTY,
                          List.of(home),
                          List.of(Pass.ACCEPTED_ALL),
                          Classification.NONE),
                      new StorageFinding(
                          ObservedStorage.Kind.INDEXED_DB,
                          "https://scan-report.example",
                          "offline-db",
                          Party.FIRST_PARTY,
                          List.of(about),
                          List.of(Pass.ACCEPTED_ALL),
                          Classification.NONE));
              ScanCounts counts = new ScanCounts(5, 2, 2, 2, 2, 1, 3, 1, 1);
              ScanReport report =
                  new ScanReport(
                      SCANNED,
                      bannerEmbedded,
                      bannerEmbedded ? all : List.of(Pass.NO_DECISION),
                      violations,
                      cookies,
                      storage,
                      List.of("connect.facebook.net", "www.googletagmanager.com"),
                      List.of(home, about),
                      List.of(
                          new SkippedUrl(
                              "https://scan-report.example/private/",
                              SkippedUrl.Reason.ROBOTS,
                              null),
                          new SkippedUrl(
                              "https://elsewhere.example/",
                              SkippedUrl.Reason.OFF_DOMAIN,
                              "redirected from https://scan-report.example/out")),
                      List.of(
                          new DeclaredNotFound(
                              marketing,
                              "marketing_cookie",
                              false,
                              null,
                              "marketing",
                              "Analytics Inc.")),
                      counts);
              Scan scan = new Scan();
              scan.tenantId = site.tenant.id;
              scan.site = site;
              scan.trigger = ScanTrigger.MANUAL;
              scan.requestedBy = "editor@" + site.key + ".example";
              scan.createdAt = SCANNED.minusSeconds(10);
              scan.startedAt = SCANNED;
              scan.finishedAt = SCANNED.plusSeconds(125);
              scan.pageCap = 50;
              scan.status = ScanStatus.DONE;
              scan.currentPass = Pass.ACCEPTED_ALL;
              scan.pagesVisited = 2;
              scan.counts = counts;
              scan.report = report;
              scan.persist();
              return scan.id;
            });
  }

  /** Posts the adopt form as a browser sends it: every row's category and provider, in order. */
  private static Response adopt(
      BackOffice person,
      String page,
      List<String> picks,
      List<String> categories,
      List<String> providers) {
    Response form = person.request().when().get(page);
    String csrfCookie = form.getCookie("cp_csrf");
    String token = Jsoup.parse(form.asString()).select("input[name=csrf-token]").attr("value");
    var request =
        person
            .request()
            .cookie("cp_csrf", csrfCookie)
            .formParam("csrf-token", token.isEmpty() ? csrfCookie : token)
            .formParam("category", categories.toArray())
            .formParam("provider", providers.toArray());
    if (!picks.isEmpty()) {
      request.formParam("pick", picks.toArray());
    }
    return request.when().post(page + "/adopt");
  }

  /** The table's rows by their first cell, each as the text of its cells. */
  private static Map<String, List<String>> rows(Document page, String css) {
    return page.select(css).stream()
        .collect(
            Collectors.toMap(
                row ->
                    row.child(0).select("code").isEmpty()
                        ? row.child(0).text()
                        : row.child(0).select("code").first().text(),
                row -> row.children().stream().map(Element::text).toList(),
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  /** The site's cookies: category, provider and retention by name. */
  private static Map<String, String> declared(long siteId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Cookie.<Cookie>list("site.id", siteId).stream()
                    .collect(
                        Collectors.toMap(
                            c -> c.name,
                            c -> {
                              Retention r = c.retention();
                              return c.category.key
                                  + " · "
                                  + c.provider.name
                                  + " · "
                                  + r.amount()
                                  + " "
                                  + r.unit();
                            })));
  }

  private static long cookieId(long siteId, String name) {
    return Cookie.<Cookie>find("site.id = ?1 and name = ?2", siteId, name).firstResult().id;
  }

  private static Scan only(long siteId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Scan> scans = Scan.list("site.id", siteId);
              assertEquals(1, scans.size());
              return scans.get(0);
            });
  }

  private static ScanSchedule schedule(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).scanSchedule);
  }
}
