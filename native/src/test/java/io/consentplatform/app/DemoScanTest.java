package io.consentplatform.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.ScanService;
import io.consentplatform.core.scan.ScanStatus;
import io.consentplatform.core.scan.ScanView;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.scan.report.ScanReport.CookieFinding;
import io.consentplatform.core.scan.report.ScanReport.DeclaredNotFound;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's whole loop without the back office: a scan of the demo site, by the platform's real
 * browser, visits the platform's own demo pages (and nothing of the real portal, out of reach from
 * here), goes through the banner three times, and finds the seed's four cookies, each matched to
 * its declaration, with no violation.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DemoScanTest {

  @Inject ScanService scans;

  @TestHTTPResource("/")
  URL platform;

  @Test
  void shouldFindTheDemosFourDeclaredCookiesWithNoViolation() {
    String root = "http://townofcary.localhost:" + platform.getPort() + "/";
    String demo = root + "demo/townofcary/";
    long[] site = QuarkusTransaction.requiringNew().call(DemoScanTest::demoSite);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> QuarkusTransaction.requiringNew().call(DemoScanTest::demoDomains).size() == 2);
    Caller editor = new Caller(site[1], "demo-scan-test", Role.EDITOR);

    long id = scans.start(editor, site[0]).id();
    // This instance runs scans (Chromium is there): its worker takes the queued scan.
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> !scans.get(editor, site[0], id).status().active());
    ScanView done = scans.get(editor, site[0], id);

    assertEquals(ScanStatus.DONE, done.status(), done.failure());
    ScanReport report = done.report();
    assertTrue(report.bannerEmbedded(), "the demo pages embed the banner");
    assertEquals(List.of(Pass.NO_DECISION, Pass.REJECTED_ALL, Pass.ACCEPTED_ALL), report.passes());
    assertEquals(
        List.of(
            root, // where a scan starts; it leads to the demo's home page
            demo,
            demo + "explore/",
            demo + "explore/dataset/building-permits/",
            demo + "explore/dataset/parks-and-facilities/",
            demo + "pages/about/"),
        report.pagesVisited().stream().sorted().toList(),
        "the demo pages, and nothing of data.townofcary.org");
    assertEquals(List.of(), report.violations());
    assertEquals(
        List.of(
            "cookies_preferences DECLARED DECLARED_NAME necessary",
            "csrftoken DECLARED DECLARED_NAME necessary",
            "django_language DECLARED DECLARED_NAME necessary",
            "sessionid DECLARED DECLARED_NAME necessary"),
        report.cookies().stream().map(DemoScanTest::describe).sorted().toList());
    // Other tests of this suite declare cookies of their own on the demo site, which its pages
    // never set; none of the seed's four is missing.
    assertEquals(
        List.of(),
        report.declaredNotFound().stream()
            .map(DeclaredNotFound::name)
            .filter(
                List.of("cookies_preferences", "csrftoken", "django_language", "sessionid")
                    ::contains)
            .toList());
  }

  private static String describe(CookieFinding cookie) {
    return cookie.name()
        + " "
        + cookie.diff()
        + " "
        + cookie.classification().rule()
        + " "
        + cookie.classification().category()
        + (cookie.changes().isEmpty() ? "" : " changed " + cookie.changes());
  }

  private static long[] demoSite() {
    Site site = Site.findByKey("townofcary").orElseThrow();
    return new long[] {site.id, site.tenant.id};
  }

  private static List<String> demoDomains() {
    return List.copyOf(Site.findByKey("townofcary").orElseThrow().domains);
  }
}
