package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.ScanFixtureSite;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole loop of a scan, end to end in real browsers: an editor presses "Scan" in the back
 * office, watches the progress update by itself, reads the report of the fixture site (scanned by
 * the platform's own Chromium, through its banner), adds two of the new cookies to the draft,
 * publishes, and finds them on the public cookie policy page.
 */
@QuarkusTest
@TestProfile(ScanBrowserTest.Scanning.class)
@WithTestResource(PostgresResource.class)
class ScanBrowserTest {

  /**
   * This instance scans, and may reach the fixture site on loopback (private networks are refused
   * otherwise); short page timeouts keep the fixture's deliberately slow page from holding the test
   * up.
   */
  public static class Scanning implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "consent.scanner.enabled", "true",
          "consent.scanner.allow-private-networks", "true",
          "consent.scanner.poll-interval", "1s",
          "consent.scanner.page-timeout", "5s",
          "consent.scanner.pages-per-second", "10");
    }
  }

  private static final Duration SCAN_WAIT = Duration.ofMinutes(4);

  @Inject LocalAccounts accounts;
  @Inject PolicyService policies;

  @TestHTTPResource("/")
  URL base;

  private ChromeDriver browser;
  private ScanFixtureSite fixture;

  @BeforeEach
  void open() {
    browser = Chromium.start();
    fixture = new ScanFixtureSite(base.toString(), "scan-e2e");
  }

  @AfterEach
  void close() {
    browser.quit();
    fixture.close();
  }

  @Test
  void shouldScanTheSiteAddTwoNewCookiesToTheDraftAndPublishThem() {
    long site = SiteFixture.create("scan-e2e", List.of(fixture.domain()));
    policies.publish(site, "test");
    editor(site, "editor@scan-e2e.example");
    BackOfficeSignIn.demoMember(browser, base, "editor@scan-e2e.example");

    browser.findElement(By.linkText("Site scan-e2e")).click();
    assertEquals(
        "No scan has run yet.", browser.findElement(By.id("no-scan")).getText(), "the dashboard");
    browser.findElement(By.cssSelector(".site-nav")).findElement(By.linkText("Scans")).click();
    Chromium.submit(browser, browser.findElement(By.id("start-scan")));

    assertEquals(
        "The scan was requested: this page follows it.",
        browser.findElement(By.cssSelector(".notice")).getText());
    // The page is never reloaded while the scan runs: only its progress is replaced.
    browser.executeScript("window.scanPageMarker = 'still the same page';");
    WebElement first = browser.findElement(By.id("scan-progress"));
    wait(Duration.ofSeconds(60))
        .until(
            d ->
                d.findElement(By.id("scan-state")).getText().startsWith("Scanning: pass")
                    && !d.findElement(By.id("scan-pages")).getText().startsWith("0 of"));
    assertTrue(Chromium.isGone(first), "the progress was replaced by a fresher one");
    assertEquals("still the same page", browser.executeScript("return window.scanPageMarker;"));
    assertTrue(
        browser.findElement(By.id("scan-pages")).getText().matches("\\d+ of at most 50 pages .*"),
        browser.findElement(By.id("scan-pages")).getText());
    assertTrue(browser.findElement(By.id("scan-elapsed")).getText().startsWith("Elapsed: "));
    Chromium.keep(browser, "scan-progress");

    // Done: the page loads once more and shows the report.
    wait(SCAN_WAIT).until(d -> !d.findElements(By.id("report-summary")).isEmpty());
    assertTrue(browser.findElements(By.id("scan-failed")).isEmpty(), "the scan did not fail");
    assertEquals(
        "The site's pages load this site's banner: the three passes ran.",
        browser.findElement(By.id("banner-found")).getText());
    List<String> violations =
        browser.findElements(By.cssSelector("#violations .violation h3")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(
        violations.contains("Set before consent _fbp shop.localhost"),
        "the pixel's marketing cookie before any choice: " + violations);
    assertTrue(
        violations.contains("Set despite refusal _fbp shop.localhost"),
        "and again after Reject all: " + violations);
    String pixel =
        browser
            .findElement(By.cssSelector("#violations .violation[data-kind=SET_BEFORE_CONSENT]"))
            .getText();
    assertTrue(
        pixel.contains("On " + fixture.url("/offers") + ", set by " + fixture.url("/js/pixel.js")),
        pixel);
    List<String> found =
        browser.findElements(By.cssSelector("#findings tbody th code")).stream()
            .map(WebElement::getText)
            .toList();
    for (String cookie : List.of("shop_session", "ui_theme", "_fbp", "_stats_id", "tp_uid")) {
      assertTrue(found.contains(cookie), cookie + " is among " + found);
    }
    assertFalse(found.contains("private_seen"), "robots.txt keeps the scanner out of /private");
    assertTrue(
        browser.findElement(By.id("skipped")).getText().contains(fixture.url("/private")),
        "and says so");
    assertTrue(
        browser.findElement(By.id("diff-missing")).getText().startsWith("Declared but not found ("),
        "the fixture declares cookies the shop never sets");
    Chromium.keep(browser, "scan-report");
    browser.executeScript("document.getElementById('findings').scrollIntoView();");
    Chromium.keep(browser, "scan-report-findings");
    browser.executeScript("document.getElementById('diff').scrollIntoView();");
    Chromium.keep(browser, "scan-report-diff");

    // Two new cookies to the draft: the pixel's, classified, and the theme's, described here.
    WebElement adopt = browser.findElement(By.cssSelector("form.adopt"));
    WebElement pixelRow = adopt.findElement(By.cssSelector("tr[data-cookie='_fbp']"));
    assertEquals(
        "marketing",
        new Select(pixelRow.findElement(By.name("category")))
            .getFirstSelectedOption()
            .getAttribute("value"),
        "pre-filled from the Open Cookie Database's classification");
    pixelRow.findElement(By.name("pick")).click();
    WebElement themeRow = adopt.findElement(By.cssSelector("tr[data-cookie='ui_theme']"));
    themeRow.findElement(By.name("pick")).click();
    new Select(themeRow.findElement(By.name("category"))).selectByValue("necessary");
    WebElement provider = themeRow.findElement(By.name("provider"));
    provider.clear();
    provider.sendKeys("Shop");
    Chromium.keep(browser, "scan-adopt");
    Chromium.submit(browser, browser.findElement(By.id("adopt-findings")));

    assertTrue(browser.getCurrentUrl().contains("/versions?done=scan-adopted"));
    String changes = browser.findElement(By.cssSelector(".changes")).getText();
    assertTrue(changes.contains("Cookie added: _fbp"), changes);
    assertTrue(changes.contains("Cookie added: ui_theme"), changes);
    browser.findElement(By.name("confirm")).click();
    Chromium.submit(browser, browser.findElement(By.cssSelector("form.publish button")));
    assertTrue(browser.getCurrentUrl().contains("done=published"));

    browser.get(base + "sites/scan-e2e/cookie-policy");
    assertTrue(browser.findElement(By.id("category-marketing")).getText().contains("_fbp"));
    assertTrue(browser.findElement(By.id("category-necessary")).getText().contains("ui_theme"));
    Chromium.keep(browser, "scan-policy-after-publish");

    // The dashboard now shows the scan; the report reads on a phone without sideways scrolling.
    browser.get(base + "admin/sites/" + site);
    assertTrue(
        browser
            .findElement(By.id("scan-summary"))
            .getText()
            .startsWith("Last scan\nLast scan: done"));
    browser.findElement(By.id("last-scan-report")).click();
    browser.manage().window().setSize(new Dimension(390, 844));
    Number overflow =
        (Number)
            browser.executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
    assertTrue(overflow.intValue() <= 0, "the report scrolls sideways by " + overflow + " px");
    Chromium.keep(browser, "phone-scan-report");
  }

  private WebDriverWait wait(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(browser, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** An editor of the site's tenant, password "pw-" + email (as {@link DemoMembers} gives). */
  private void editor(long siteId, String email) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              accounts.create(email, "pw-" + email);
              TenantMember member = new TenantMember();
              member.tenant = Site.<Site>findById(siteId).tenant;
              member.subject = LocalAccount.subjectOf(email);
              member.email = email;
              member.role = Role.EDITOR;
              member.persist();
            });
  }
}
