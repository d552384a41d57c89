package io.consentplatform.api.banner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What visitors from different regions live through, in a real Chromium, with the API behind a CDN
 * that tells their region ({@link RegionProxy}, trusted as the tests' 127.0.0.1). One browser for
 * the whole class: each test starts from an empty cookie jar and empty storage.
 */
@QuarkusTest
@TestProfile(RegionBannerBrowserTest.BehindACdn.class)
@WithTestResource(PostgresResource.class)
class RegionBannerBrowserTest {

  /** The loopback address is the CDN's: its region headers are believed. */
  public static class BehindACdn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("consent.trusted-proxies", "127.0.0.1");
    }
  }

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int REFUSAL_DAYS = 300;

  /** The platform's defaults, with a rule of the tenant's own for North Carolina in front. */
  private static final RegionRules RULES =
      new RegionRules(
          concat(
              new RegionRule(List.of("US-NC"), Experience.NOTICE),
              RegionRules.PLATFORM_DEFAULT.rules()),
          Experience.OPT_IN);

  private static ChromeDriver browser;
  private static TestSitePages pages;
  private static RegionProxy cdn;

  @Inject PolicyService policies;

  @TestHTTPResource("/")
  URL api;

  @BeforeEach
  void fresh() {
    if (browser == null) {
      cdn = new RegionProxy(api.toString());
      pages = new TestSitePages(cdn.base());
      browser = Chromium.start();
    }
    // Forget the last test's visitor: its cookies and what the script kept in storage.
    browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
    browser.get(pages.url("nothing-here"));
    browser.executeScript("localStorage.clear(); sessionStorage.clear();");
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
      pages.close();
      cdn.close();
      browser = null;
    }
  }

  @Test
  void shouldAskAVisitorFromFranceFirstAndRunNothingBefore() {
    String site = publishedSite("region-fr");
    cdn.visitorIn("FR", null);
    browser.get(pages.url(site));

    WebElement banner = banner();
    assertEquals("dialog", banner.getAttribute("role"));
    assertNull(browser.executeScript("return window.statsRan"), "nothing runs before consent");
    assertNull(browser.executeScript("return window.marketingRan"));
    assertTrue(browser.findElements(By.cssSelector(".cp-dns")).isEmpty(), "no Do Not Sell link");
    Chromium.keep(browser, "17-opt-in-fr");
    assertEquals(0, count(site));
  }

  @Test
  void shouldLetAVisitorFromCaliforniaOptOutThroughTheDoNotSellLink() {
    String site = publishedSite("region-ca");
    cdn.visitorIn("US", "CA");
    browser.get(pages.url(site));

    WebElement link = doNotSellLink();
    assertEquals("Do Not Sell or Share My Personal Information", link.getText());
    awaitTrue("window.statsRan === true");
    awaitTrue("window.marketingRan === true");
    assertTrue(browser.findElements(By.cssSelector(".cp-banner")).isEmpty(), "no banner");
    Chromium.keep(browser, "17-opt-out-us-ca");
    assertTrue(
        requested().contains(cdn.base() + "/v1/sites/" + site + "/banner?lang=en&region=US-CA"),
        "the configuration's URL names the region, for caches to key on: " + requested());
    assertEquals(0, count(site), "nothing is recorded until the visitor chooses");
    assertEquals(
        List.of(true, true, "opt-out"),
        browser.executeScript(
            "var c = ConsentPlatform.getConsent();"
                + " return [c.consentId === null, c.choices.statistics, c.experience]"),
        "integrations are told what runs by default, with no consent id");

    link.click();
    WebElement settings = banner();
    WebElement marketing = settings.findElement(By.cssSelector("input[name=marketing]"));
    assertTrue(marketing.isSelected(), "what runs is what the settings show");
    marketing.click();
    settings.findElement(By.cssSelector("[data-action=custom]")).click();

    ConsentRecord record = awaitRecord(site);
    assertEquals(ConsentMethod.SETTINGS, record.method);
    assertEquals(Map.of("necessary", true, "statistics", true, "marketing", false), record.choices);
    assertEquals("US-CA", record.region);
    assertEquals(Experience.OPT_OUT, record.experience);
  }

  @Test
  void shouldMakeThePagesOwnDoNotSellElementTheLink() {
    String site = publishedSite("region-own-link");
    cdn.visitorIn("US", "CA");
    browser.get(pages.urlWithOwnLink(site));

    awaitTrue("window.statsRan === true");
    WebElement own = browser.findElement(By.id("own-link"));
    assertEquals("Do Not Sell or Share My Personal Information", own.getText());
    assertTrue(browser.findElements(By.cssSelector(".cp-dns")).isEmpty(), "no second link");

    own.click();
    assertTrue(banner().findElement(By.cssSelector("input[name=marketing]")).isSelected());
  }

  @Test
  void shouldApplyGlobalPrivacyControlByItselfAndRecordItOnce() {
    String site = publishedSite("region-gpc");
    cdn.visitorIn("US", "CA");
    browser.get(pages.urlWithGpc(site));

    ConsentRecord record = awaitRecord(site);
    assertEquals(ConsentMethod.SIGNAL, record.method);
    assertTrue(record.gpc);
    assertEquals("US-CA", record.region);
    assertEquals(Experience.OPT_OUT, record.experience);
    assertEquals(Map.of("necessary", true, "statistics", true, "marketing", false), record.choices);
    awaitTrue("window.statsRan === true");
    assertNull(browser.executeScript("return window.marketingRan"), "marketing stays off");
    doNotSellLink();

    awaitReceiptInCookie();
    browser.navigate().refresh();
    awaitTrue("window.statsRan === true");
    assertNull(browser.executeScript("return window.marketingRan"));
    assertTrue(
        requested().stream().noneMatch(url -> url.endsWith("/v1/region")),
        "the region is asked once a session: " + requested());
    assertEquals(1, count(site), "recorded once, not on every page");
  }

  @Test
  void shouldGiveAVisitorFromNorthCarolinaTheTenantsRule() {
    String site = publishedSite("region-nc");
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Category.<Category>find("site.key = ?1 and key = 'marketing'", site)
                        .firstResult()
                        .sensitive =
                    true);
    long id = QuarkusTransaction.requiringNew().call(() -> Site.findByKey(site).orElseThrow().id);
    policies.publish(id, "test");
    cdn.visitorIn("US", "NC");
    browser.get(pages.url(site));

    WebElement notice = notice();
    // Its own text: the banner's message would promise a choice that a notice does not give.
    assertTrue(
        notice.getText().contains("Its cookie policy lists them, who sets them and why."),
        notice.getText());
    assertFalse(notice.getText().contains("only used if you agree"), notice.getText());
    assertTrue(
        notice
            .findElement(By.cssSelector(".cp-policy a"))
            .getAttribute("href")
            .endsWith("/sites/" + site + "/cookie-policy?lang=en"),
        "the notice links to the policy");
    assertEquals("OK", notice.findElement(By.cssSelector("[data-action=dismiss]")).getText());
    awaitTrue("window.statsRan === true");
    assertNull(browser.executeScript("return window.marketingRan"), "a sensitive category waits");
    Chromium.keep(browser, "17-notice-us-nc");

    notice.findElement(By.cssSelector("[data-action=dismiss]")).click();
    browser.navigate().refresh();
    awaitTrue("window.statsRan === true");
    assertTrue(browser.findElements(By.cssSelector(".cp-notice")).isEmpty(), "dismissed stays");
    assertEquals(0, count(site), "a notice records nothing");
  }

  @Test
  void shouldNotAskAgainAVisitorWhoRefusedForTheRefusalInterval() {
    String site = publishedSite("region-refusal");
    cdn.visitorIn("FR", null);
    browser.get(pages.url(site));

    banner().findElement(By.cssSelector("[data-action=reject_all]")).click();
    ConsentRecord record = awaitRecord(site);
    assertEquals("FR", record.region);
    assertEquals(Experience.OPT_IN, record.experience);
    awaitReceiptInCookie();

    double expires = preferencesCookieExpiry();
    double days = (expires * 1000 - System.currentTimeMillis()) / 86_400_000d;
    assertTrue(Math.abs(days - REFUSAL_DAYS) < 1, "the cookie lives " + days + " days");

    browser.navigate().refresh();
    new WebDriverWait(browser, WAIT)
        .until(d -> browser.executeScript("return ConsentPlatform.getConsent()") != null);
    assertTrue(browser.findElements(By.cssSelector(".cp-banner")).isEmpty(), "not asked again");
    assertNull(browser.executeScript("return window.statsRan"));
  }

  /** The URLs this page has fetched so far. */
  @SuppressWarnings("unchecked")
  private List<String> requested() {
    return (List<String>)
        browser.executeScript(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
  }

  private String publishedSite(String key) {
    long id = SiteFixture.create(key, List.of(pages.domain()));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site site = Site.findById(id);
              site.regionRules = RULES;
              site.refusalLifetimeDays = REFUSAL_DAYS;
            });
    policies.publish(id, "test");
    return key;
  }

  private static List<RegionRule> concat(RegionRule first, List<RegionRule> rest) {
    List<RegionRule> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private WebElement banner() {
    return awaitElement(".cp-banner[role=dialog]");
  }

  private WebElement notice() {
    return awaitElement(".cp-notice");
  }

  private WebElement doNotSellLink() {
    return awaitElement(".cp-dns");
  }

  private WebElement awaitElement(String css) {
    return new WebDriverWait(browser, WAIT)
        .until(
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector(css));
              return found.isEmpty() ? null : found.get(0);
            });
  }

  private void awaitTrue(String expression) {
    new WebDriverWait(browser, WAIT)
        .until(d -> Boolean.TRUE.equals(browser.executeScript("return " + expression)));
  }

  private void awaitReceiptInCookie() {
    new WebDriverWait(browser, WAIT)
        .until(
            d ->
                browser.executeScript(
                        "var c = ConsentPlatform.getConsent(); return c && c.consentId")
                    != null);
  }

  @SuppressWarnings("unchecked")
  private double preferencesCookieExpiry() {
    Map<String, Object> answer =
        browser.executeCdpCommand("Network.getCookies", Map.of("urls", List.of(pages.url("x"))));
    return ((List<Map<String, Object>>) answer.get("cookies"))
        .stream()
            .filter(c -> "cookies_preferences".equals(c.get("name")))
            .map(c -> ((Number) c.get("expires")).doubleValue())
            .findFirst()
            .orElseThrow();
  }

  private ConsentRecord awaitRecord(String siteKey) {
    new WebDriverWait(browser, WAIT).until(d -> count(siteKey) >= 1);
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ConsentRecord.<ConsentRecord>find("site.key = ?1 order by recordedAt desc", siteKey)
                    .firstResult());
  }

  private static long count(String siteKey) {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", siteKey));
  }
}
