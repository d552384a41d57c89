package io.consentplatform.api.banner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A tenant's page that still embeds the banner of a site its owner archived, in a real Chromium:
 * nothing shows, nothing blocked runs, the page's own calls keep working, and the visitor's console
 * stays clean (which a 404 for the script would not leave it).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ArchivedBannerBrowserTest {

  @Inject PolicyService policies;
  @Inject SiteService sites;

  @TestHTTPResource("/")
  URL api;

  private TestSitePages pages;
  private ChromeDriver browser;

  @BeforeEach
  void open() {
    pages = new TestSitePages(api.toString().replaceAll("/$", ""));
    browser = Chromium.start();
  }

  @AfterEach
  void close() {
    browser.quit();
    pages.close();
  }

  @Test
  void shouldLeaveAPageEmbeddingAnArchivedSitesBannerQuiet() {
    long site = SiteFixture.create("browser-archived", List.of(pages.domain()));
    policies.publish(site, "test");
    browser.get(pages.url("browser-archived"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(b -> !b.findElements(By.cssSelector(".cp-banner")).isEmpty());

    long tenant = QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).tenant.id);
    sites.archive(new Caller(tenant, "test-owner", Role.OWNER), site);
    // A visitor who never came before: a returning one may run the cached banner for its hour.
    browser.quit();
    browser = Chromium.start();
    watchTheConsole();
    browser.get(pages.url("browser-archived"));
    settle();

    assertTrue(browser.findElements(By.cssSelector(".cp-banner")).isEmpty(), "no banner");
    assertNull(browser.executeScript("return window.ConsentPlatform.getConsent()"));
    assertEquals(
        true,
        browser.executeScript(
            "window.ConsentPlatform.onChange(function () {}); window.ConsentPlatform.show();"
                + " return true"),
        "the page's own calls do not throw");
    assertNull(browser.executeScript("return window.statsRan"), "nothing blocked ran");
    assertEquals(List.of(), problems(), "the visitor's console stays clean");
  }

  /** The control: the console does show a failing embed (the script of an unknown site). */
  @Test
  void shouldShowInTheConsoleWhenTheScriptFails() {
    watchTheConsole();
    browser.get(pages.url("browser-no-such-site"));
    settle();
    assertFalse(problems().isEmpty(), "a 404 for the script reaches the console");
  }

  /**
   * What the visitor's console would show: every uncaught error, failed script or frame, rejected
   * promise, warning and error of the page, noted by a script Chromium runs before each page's own.
   */
  @SuppressWarnings("unchecked")
  private List<String> problems() {
    return (List<String>) browser.executeScript("return window.__problems || ['not watched']");
  }

  private void watchTheConsole() {
    browser.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        Map.of(
            "source",
            """
            window.__problems = [];
            addEventListener('error', function (e) {
              __problems.push('error: ' + (e.message || (e.target && (e.target.src || e.target.href))));
            }, true);
            addEventListener('unhandledrejection', function (e) {
              __problems.push('rejection: ' + e.reason);
            });
            ['warn', 'error'].forEach(function (level) {
              var original = console[level];
              console[level] = function () {
                __problems.push(level + ': ' + [].join.call(arguments, ' '));
                return original.apply(console, arguments);
              };
            });
            """));
  }

  private void settle() {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(b -> "complete".equals(browser.executeScript("return document.readyState")));
    try {
      Thread.sleep(1_000); // the script's requests, had it made any
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
