package io.consentplatform.api.banner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.VendorSignal;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The banner and the rest of a tenant's pages, in a real Chromium that maps every {@code
 * *.town.test} name to loopback: the vendors' consent calls exactly as each vendor documents them
 * (before the choice, after accepting, refusing and withdrawing), and one decision shared by two
 * subdomains through the site's cookie domain. Each test has host names of its own, so cookies and
 * storage never cross tests.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class SignalsAndSubdomainsBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  // Google's default, sent as the script starts, before any configuration.
  private static final String GOOGLE_DEFAULT =
      """
      ["gtag","consent","default",{"analytics_storage":"denied","ad_storage":"denied",
        "ad_user_data":"denied","ad_personalization":"denied","functionality_storage":"denied",
        "personalization_storage":"denied","wait_for_update":500}]""";

  private static final String UNDECIDED =
      """
      [%s,
       ["uetq.push","consent","default",{"ad_storage":"denied"}],
       ["clarity","consentv2",{"ad_Storage":"denied","analytics_Storage":"denied"}],
       ["fbq","consent","revoke"],
       ["ttq.holdConsent"]]"""
          .formatted(GOOGLE_DEFAULT);

  // The fixture's site has statistics and marketing, no preferences category.
  private static final String ACCEPTED =
      """
      [["gtag","consent","update",{"analytics_storage":"granted","ad_storage":"granted",
         "ad_user_data":"granted","ad_personalization":"granted","functionality_storage":"denied",
         "personalization_storage":"denied"}],
       ["uetq.push","consent","update",{"ad_storage":"granted"}],
       ["clarity","consentv2",{"ad_Storage":"granted","analytics_Storage":"granted"}],
       ["fbq","consent","grant"],
       ["ttq.grantConsent"],
       ["amznConsent"],["setCountryCode","DE"],["setEnableAdStorage",true],
       ["setEnableUserData",true],["build"]]""";

  private static final String REFUSED =
      """
      [["gtag","consent","update",{"analytics_storage":"denied","ad_storage":"denied",
         "ad_user_data":"denied","ad_personalization":"denied","functionality_storage":"denied",
         "personalization_storage":"denied"}],
       ["uetq.push","consent","update",{"ad_storage":"denied"}],
       ["clarity","consentv2",{"ad_Storage":"denied","analytics_Storage":"denied"}],
       ["fbq","consent","revoke"],
       ["ttq.revokeConsent"],
       ["amznConsent"],["setCountryCode","DE"],["setEnableAdStorage",false],
       ["setEnableUserData",false],["build"]]""";

  private static ChromeDriver browser;

  @Inject PolicyService policies;

  @TestHTTPResource("/")
  URL api;

  private VendorPages pages;

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start("--host-resolver-rules=MAP *.town.test 127.0.0.1");
  }

  @AfterAll
  static void quitBrowser() {
    browser.quit();
  }

  @BeforeEach
  void open() {
    pages = new VendorPages(api.toString().replaceAll("/$", ""));
  }

  @AfterEach
  void close() {
    pages.close();
  }

  @Test
  void shouldTellEachVendorDeniedBeforeTheChoiceThenGrantedThenWithdrawn() {
    String host = "accept.town.test";
    site("signals-accept", host, null, List.of(VendorSignal.values()));
    browser.get(pages.url(host, "signals-accept", "stubs"));
    WebElement banner = banner();
    assertCalls(UNDECIDED, 0);

    banner.findElement(By.cssSelector("[data-action=accept_all]")).click();
    assertCalls(ACCEPTED, 5);

    browser.findElement(By.id("settings")).click();
    banner().findElement(By.cssSelector("[data-action=reject_all]")).click();
    assertCalls(REFUSED, 15);
    assertEquals(2, awaitRecords("signals-accept", 2), "the withdrawal was recorded");
  }

  @Test
  void shouldTellEachVendorDeniedWhenTheVisitorRefuses() {
    String host = "refuse.town.test";
    site("signals-refuse", host, null, List.of(VendorSignal.values()));
    browser.get(pages.url(host, "signals-refuse", "stubs"));
    WebElement banner = banner();
    assertCalls(UNDECIDED, 0);
    banner.findElement(By.cssSelector("[data-action=reject_all]")).click();
    assertCalls(REFUSED, 5);

    // The next page: the defaults as on every page, then the stored refusal; Clarity, which has no
    // default call, hears the refusal alone.
    browser.navigate().refresh();
    new WebDriverWait(browser, WAIT)
        .until(d -> browser.executeScript("return window.calls.length").equals(14L));
    assertCalls(
        """
        [%s,
         ["uetq.push","consent","default",{"ad_storage":"denied"}],
         ["fbq","consent","revoke"],
         ["ttq.holdConsent"],
         %s]"""
            .formatted(GOOGLE_DEFAULT, REFUSED.strip().substring(1, REFUSED.strip().length() - 1)),
        0);
  }

  @Test
  void shouldTellOnlyTheVendorsTheSiteChose() {
    String host = "chosen.town.test";
    site("signals-chosen", host, null, List.of(VendorSignal.META));
    browser.get(pages.url(host, "signals-chosen", "stubs"));
    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();
    assertCalls(
        "[%s, [\"fbq\",\"consent\",\"revoke\"], [\"fbq\",\"consent\",\"grant\"]]"
            .formatted(GOOGLE_DEFAULT),
        0);
  }

  @Test
  void shouldQueueUetAndClarityCommandsAsTheirTagsExpectAndNeverStandInForMetaOrTikTok() {
    String host = "queues.town.test";
    site("signals-queues", host, null, List.of(VendorSignal.values()));
    browser.get(pages.url(host, "signals-queues", "queues"));
    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();

    assertEquals(
        json(
            """
            ["consent","default",{"ad_storage":"denied"},
             "consent","update",{"ad_storage":"granted"}]"""),
        json((String) browser.executeScript("return JSON.stringify(window.uetq)")),
        "UET's queue holds the default, then the update");
    assertEquals(
        json(
            """
            [["consentv2",{"ad_Storage":"denied","analytics_Storage":"denied"}],
             ["consentv2",{"ad_Storage":"granted","analytics_Storage":"granted"}]]"""),
        json(
            (String)
                browser.executeScript(
                    "return JSON.stringify(clarity.q.map(function (a) {"
                        + " return [].slice.call(a); }))")),
        "Clarity's queue holds the denial, then the grant");
    assertEquals(
        "undefined undefined undefined",
        browser.executeScript(
            "return typeof window.fbq + ' ' + typeof window.ttq + ' ' + typeof window.amznConsent"),
        "no stand-in for a vendor whose loader would then do nothing");
  }

  @Test
  void shouldHonourADecisionMadeOnOneSubdomainOnAnother() {
    String site = "shared-town";
    site(site, "a.town.test", "town.test", List.of(VendorSignal.GOOGLE), "b.town.test");
    browser.get(pages.url("a.town.test", site, "none"));
    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();
    awaitRecords(site, 1);
    new WebDriverWait(browser, WAIT)
        .until(
            d -> {
              Cookie cookie = browser.manage().getCookieNamed("cookies_preferences");
              return cookie != null && cookie.getValue().contains("%22i%22");
            });
    Cookie written = browser.manage().getCookieNamed("cookies_preferences");
    assertEquals(".town.test", written.getDomain(), "written on the cookie domain");
    String consentId = consentId();
    assertNotNull(consentId);

    browser.get(pages.url("b.town.test", site, "none"));
    String sameId = new WebDriverWait(browser, WAIT).until(d -> consentId());
    assertEquals(consentId, sameId, "the other subdomain has the same decision");
    assertTrue(browser.findElements(By.cssSelector(".cp-banner")).isEmpty(), "and asks nothing");
    assertEquals(1L, receiptChecks(), "its receipt was checked once");

    browser.navigate().refresh();
    new WebDriverWait(browser, WAIT).until(d -> consentId());
    assertEquals(0L, receiptChecks(), "and not again on the next page");
    assertTrue(browser.findElements(By.cssSelector(".cp-banner")).isEmpty());
    assertEquals(1L, records(site), "nothing was recorded twice");
  }

  /** Creates and publishes the site, served on {@code hosts} at the pages' port. */
  private void site(
      String key, String host, String cookieDomain, List<VendorSignal> signals, String... more) {
    List<String> domains = new ArrayList<>();
    domains.add(host + ":" + pages.port());
    for (String other : more) {
      domains.add(other + ":" + pages.port());
    }
    long id = SiteFixture.create(key, domains);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site site = Site.findById(id);
              site.cookieDomain = cookieDomain;
              site.vendorSignals = new ArrayList<>(signals);
            });
    policies.publish(id, "test");
  }

  private WebElement banner() {
    return new WebDriverWait(browser, WAIT)
        .until(
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector(".cp-banner"));
              return found.isEmpty() ? null : found.get(0);
            });
  }

  /** The calls the page's stand-ins recorded from the {@code from}th on are {@code expected}. */
  private void assertCalls(String expected, int from) {
    JsonNode calls = json((String) browser.executeScript("return JSON.stringify(window.calls)"));
    List<JsonNode> recorded = new ArrayList<>();
    calls.forEach(recorded::add);
    List<JsonNode> wanted = new ArrayList<>();
    json(expected).forEach(wanted::add);
    assertEquals(
        wanted,
        recorded.subList(Math.min(from, recorded.size()), recorded.size()),
        "all: " + calls);
  }

  private String consentId() {
    @SuppressWarnings("unchecked")
    Map<String, Object> consent =
        (Map<String, Object>) browser.executeScript("return ConsentPlatform.getConsent()");
    return consent == null ? null : (String) consent.get("consentId");
  }

  /** Requests for a receipt this page made, as the browser's own resource timing lists them. */
  private long receiptChecks() {
    return (Long)
        browser.executeScript(
            "return performance.getEntriesByType('resource').filter(function (e) {"
                + " return e.name.indexOf('/consents/') >= 0; }).length");
  }

  private long awaitRecords(String siteKey, long expected) {
    new WebDriverWait(browser, WAIT).until(d -> records(siteKey) >= expected);
    return records(siteKey);
  }

  private static long records(String siteKey) {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", siteKey));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(text, e);
    }
  }
}
