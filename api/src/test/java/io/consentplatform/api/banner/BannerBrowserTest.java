package io.consentplatform.api.banner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.RefusedOrigins;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a visitor lives through, in a real Chromium, on a tenant's page on another origin. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BannerBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject PolicyService policies;
  @Inject RefusedOrigins refusedOrigins;

  @TestHTTPResource("/")
  URL api;

  // One Chromium for the class while it can serve (each start costs seconds of CI): every test
  // starts as a new visitor, its cookies, storage, cache and console cleared. A test that changes
  // the browser itself (a script on every page, extra headers, blocked addresses) has it closed
  // after, since nothing resets those as a whole.
  private static TestSitePages pages;
  private static ChromeDriver browser;
  private boolean browserChanged;

  @BeforeEach
  void open() {
    if (pages == null) {
      pages = new TestSitePages(api.toString().replaceAll("/$", ""));
    }
    if (browser == null) {
      browser = Chromium.start();
      return;
    }
    browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
    browser.get(pages.url("nothing-here"));
    browser.executeScript("localStorage.clear(); sessionStorage.clear();");
    browser.manage().logs().get(LogType.BROWSER);
  }

  @AfterEach
  void close() {
    if (browserChanged) {
      browser.quit();
      browser = null;
    }
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    if (pages != null) {
      pages.close();
      pages = null;
    }
  }

  @Test
  void shouldAskFirstThenRememberARefusalAndRunNothing() {
    String site = publishedSite("browser-reject");
    browser.get(pages.url(site));

    WebElement banner = banner();
    assertEquals("dialog", banner.getAttribute("role"));
    assertEquals(banner, browser.switchTo().activeElement(), "the banner has the focus");
    assertEquals("Your choice about cookies", banner.findElement(By.id("cp-title")).getText());
    assertEquals(
        List.of("Accept all", "Reject all", "Customize"),
        banner.findElements(By.cssSelector(".cp-actions button")).stream()
            .map(WebElement::getText)
            .toList());
    Chromium.screenshot(browser, Path.of("target/screenshots/banner-first-layer.png"));

    banner.findElement(By.cssSelector("[data-action=reject_all]")).click();

    ConsentRecord record = awaitRecord(site, 1);
    assertEquals(ConsentAction.REJECT_ALL, record.action);
    assertEquals(
        Map.of("necessary", true, "statistics", false, "marketing", false), record.choices);
    assertNull(browser.executeScript("return window.statsRan"), "the statistics script never ran");
    assertNull(browser.executeScript("return window.marketingRan"));
    assertFalse(documentCookie().contains("stats_ran"));
    String preferences = preferencesCookie().orElseThrow();
    assertTrue(preferences.contains("\"statistics\":false"), preferences);
    assertTrue(
        preferences.contains("\"i\":\"" + record.id + "\""), "the cookie holds the receipt id");

    browser.navigate().refresh();
    awaitDecisionApplied();
    assertTrue(
        browser.findElements(By.cssSelector(".cp-banner")).isEmpty(), "no banner after a decision");
    assertNull(browser.executeScript("return window.statsRan"));
  }

  @Test
  void shouldAskAgainWhenANewVersionIsPublished() {
    String site = publishedSite("browser-new-version");
    browser.get(pages.url(site));
    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();
    awaitRecord(site, 1);
    assertEquals(true, browser.executeScript("return window.statsRan"));

    republish(site);
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of()); // as when its max-age ran out
    browser.navigate().refresh();

    banner();
    assertNull(browser.executeScript("return window.statsRan"), "nothing runs until asked again");
  }

  @Test
  void shouldRunOnlyTheCategoriesChosenInTheSettings() {
    String site = publishedSite("browser-customize");
    browser.get(pages.url(site));

    banner().findElement(By.cssSelector("[data-action=customize]")).click();
    WebElement settings = banner();
    WebElement necessary = settings.findElement(By.cssSelector("input[name=necessary]"));
    assertTrue(
        necessary.isSelected() && !necessary.isEnabled(), "a required category is locked on");
    assertFalse(
        settings.findElement(By.cssSelector("input[name=statistics]")).isSelected(),
        "off until chosen");
    settings.findElement(By.cssSelector("input[name=statistics]")).click();
    Chromium.screenshot(browser, Path.of("target/screenshots/banner-settings.png"));
    settings.findElement(By.cssSelector("[data-action=custom]")).click();

    ConsentRecord record = awaitRecord(site, 1);
    assertEquals(ConsentAction.CUSTOM, record.action);
    assertEquals(Map.of("necessary", true, "statistics", true, "marketing", false), record.choices);
    new WebDriverWait(browser, WAIT)
        .until(d -> Boolean.TRUE.equals(browser.executeScript("return window.statsRan")));
    assertTrue(documentCookie().contains("stats_ran=yes"));
    assertNull(browser.executeScript("return window.marketingRan"));
    assertEquals(
        "",
        browser
            .findElement(By.cssSelector("iframe"))
            .getAttribute("src")
            .replace("about:blank", ""),
        "the marketing frame stays unloaded");
  }

  @Test
  void shouldWorkWithTheKeyboardAlone() {
    String site = publishedSite("browser-keyboard");
    browser.get(pages.url(site));
    banner();

    Actions keys = new Actions(browser);
    keys.sendKeys(Keys.TAB).perform();
    assertEquals("accept_all", browser.switchTo().activeElement().getAttribute("data-action"));
    keys.sendKeys(Keys.TAB).perform();
    assertEquals("reject_all", browser.switchTo().activeElement().getAttribute("data-action"));
    keys.sendKeys(Keys.ENTER).perform();

    ConsentRecord record = awaitRecord(site, 1);
    assertEquals(ConsentAction.REJECT_ALL, record.action);
    assertTrue(browser.findElements(By.cssSelector(".cp-banner")).isEmpty());
  }

  @Test
  void shouldTreatEscapeAsNoAnswerAndGiveTheFocusBack() {
    String site = publishedSite("browser-escape");
    browser.get(pages.url(site));
    banner();

    new Actions(browser).sendKeys(Keys.ESCAPE).perform();

    assertTrue(
        browser.findElements(By.cssSelector(".cp-banner")).isEmpty(), "Escape closes the banner");
    assertTrue(preferencesCookie().isEmpty(), "closing is not consent");
    assertNull(browser.executeScript("return window.statsRan"));

    WebElement link = browser.findElement(By.id("settings"));
    link.click();
    WebElement settings = banner();
    assertEquals(settings, browser.switchTo().activeElement(), "the focus moves into the settings");
    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    assertEquals(link, browser.switchTo().activeElement(), "and back to where it was");

    browser.navigate().refresh();
    banner();
    assertEquals(0, count(site), "nothing was recorded");
  }

  @Test
  void shouldKeepMarketingOffUnderGlobalPrivacyControl() {
    String site = publishedSite("browser-gpc");
    browserChanged = true;
    browser.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        Map.of(
            "source",
            "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });"));
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand(
        "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
    browser.get(pages.url(site));

    WebElement banner = banner();
    assertTrue(
        banner
            .findElement(By.cssSelector(".cp-gpc"))
            .getText()
            .contains("marketing cookies stay off"));
    banner.findElement(By.cssSelector("[data-action=accept_all]")).click();

    ConsentRecord record = awaitRecord(site, 1);
    assertTrue(record.gpc, "the record says GPC was on");
    assertEquals(Map.of("necessary", true, "statistics", true, "marketing", false), record.choices);
    assertEquals(true, browser.executeScript("return window.statsRan"));
    assertNull(browser.executeScript("return window.marketingRan"));
  }

  @Test
  void shouldSignalGoogleConsentModeBeforeAndAfterTheDecision() {
    String site = publishedSite("browser-consent-mode");
    browser.get(pages.url(site));
    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();
    awaitRecord(site, 1);

    @SuppressWarnings("unchecked")
    List<List<Object>> calls =
        (List<List<Object>>)
            browser.executeScript("return window.dataLayer.map(a => Array.from(a));");

    assertEquals(List.of("consent", "default"), calls.get(0).subList(0, 2), "default comes first");
    @SuppressWarnings("unchecked")
    Map<String, Object> defaults = (Map<String, Object>) calls.get(0).get(2);
    assertEquals("denied", defaults.get("analytics_storage"));
    assertEquals("denied", defaults.get("ad_user_data"));
    assertNotNull(defaults.get("wait_for_update"));
    List<Object> update =
        calls.stream().filter(c -> "update".equals(c.get(1))).findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> granted = (Map<String, Object>) update.get(2);
    assertEquals("granted", granted.get("analytics_storage"));
    assertEquals("granted", granted.get("ad_storage"));
    assertEquals("granted", granted.get("ad_personalization"));
  }

  @Test
  void shouldLetAVisitorWithdrawAsEasilyAsTheyConsented() {
    String site = publishedSite("browser-withdraw");
    browser.get(pages.url(site));
    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();
    awaitRecord(site, 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> given =
        (Map<String, Object>) browser.executeScript("return ConsentPlatform.getConsent()");
    assertEquals(
        Map.of("necessary", true, "statistics", true, "marketing", true), given.get("choices"));

    browser.findElement(By.id("settings")).click();
    WebElement settings = banner();
    assertTrue(
        settings.findElement(By.cssSelector("input[name=statistics]")).isSelected(),
        "shows the current choice");
    settings.findElement(By.cssSelector("[data-action=reject_all]")).click();

    awaitRecord(site, 2);
    ConsentRecord latest = latestRecord(site);
    assertEquals(ConsentAction.WITHDRAW, latest.action);
    assertEquals(
        Map.of("necessary", true, "statistics", false, "marketing", false), latest.choices);
    assertEquals(
        given.get("visitorId"),
        latest.visitorId.toString(),
        "the same visitor: the banner sent the token it was given");
  }

  @Test
  void shouldAskAgainRatherThanSendADecisionItDidNotMake() {
    String site = publishedSite("browser-planted");
    browser.get(pages.url(site));
    banner();
    UUID victim = UUID.randomUUID();
    // Planted by a sibling subdomain or on the network: a decision with no receipt, never made
    // here.
    plantPreferences(
        Map.of(
            "v",
            victim.toString(),
            "p",
            1,
            "t",
            System.currentTimeMillis(),
            "c",
            Map.of("necessary", true, "statistics", true, "marketing", true),
            "a",
            "accept_all",
            "m",
            "banner"));

    browser.navigate().refresh();

    banner().findElement(By.cssSelector("[data-action=reject_all]")).click();
    ConsentRecord record = awaitRecord(site, 1);
    assertEquals(ConsentAction.REJECT_ALL, record.action, "the visitor's own answer, asked again");
    assertNotEquals(victim, record.visitorId);
    assertNull(browser.executeScript("return window.statsRan"), "the planted choice never ran");
    assertEquals(1, count(site), "the planted decision was never sent");
  }

  @Test
  void shouldStartAsANewVisitorWhenTheApiRefusesItsToken() {
    String site = publishedSite("browser-old-cookie");
    // A decision recorded before tokens existed: its cookie has a real receipt, not a valid token.
    io.restassured.path.json.JsonPath earlier =
        given()
            .contentType("application/json")
            .body(
                "{\"policyVersion\":1,\"action\":\"custom\",\"method\":\"settings\","
                    + "\"choices\":{\"necessary\":true,\"statistics\":true,\"marketing\":false}}")
            .post("/v1/sites/" + site + "/consents")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    browser.get(pages.url(site));
    banner();
    UUID old = UUID.fromString(earlier.getString("visitorId"));
    plantPreferences(
        Map.of(
            "i",
            earlier.getString("consentId"),
            "v",
            old.toString(),
            "k",
            "AAAAAAAA.unknown",
            "p",
            1,
            "t",
            System.currentTimeMillis(),
            "c",
            Map.of("necessary", true, "statistics", true, "marketing", false),
            "a",
            "custom",
            "m",
            "settings"));
    browser.navigate().refresh();
    awaitDecisionApplied();

    browser.findElement(By.id("settings")).click();
    banner().findElement(By.cssSelector("[data-action=reject_all]")).click();

    new WebDriverWait(browser, WAIT).until(d -> count(site) == 2);
    ConsentRecord record = latestRecord(site);
    assertEquals(ConsentAction.WITHDRAW, record.action);
    assertNotEquals(old, record.visitorId, "recorded under a visitor id of its own");
    new WebDriverWait(browser, WAIT)
        .until(
            d ->
                preferencesCookie()
                    .map(c -> c.contains("\"v\":\"" + record.visitorId + "\",\"k\":\""))
                    .orElse(false));
  }

  @Test
  void shouldNotRunAPlantedCookieWhoseReceiptDoesNotExist() {
    String site = publishedSite("browser-fake-receipt");
    browser.get(pages.url(site));
    banner();
    UUID victim = UUID.randomUUID();
    // Planted with a made-up receipt id: no such decision was ever recorded.
    plantPreferences(everythingAccepted(UUID.randomUUID().toString(), victim.toString()));

    browser.navigate().refresh();

    WebElement banner = banner();
    assertNull(browser.executeScript("return window.statsRan"), "the planted choice never ran");
    assertNull(browser.executeScript("return window.marketingRan"));
    assertNull(browser.executeScript("return ConsentPlatform.getConsent()"));
    banner.findElement(By.cssSelector("[data-action=reject_all]")).click();
    ConsentRecord record = awaitRecord(site, 1);
    assertEquals(ConsentAction.REJECT_ALL, record.action, "the visitor's own answer, asked again");
    assertNotEquals(victim, record.visitorId);
  }

  @Test
  void shouldAskAgainWhenACookieCopiesARealReceiptButNotItsChoices() {
    String site = publishedSite("browser-altered-choices");
    browser.get(pages.url(site));
    banner().findElement(By.cssSelector("[data-action=reject_all]")).click();
    ConsentRecord refusal = awaitRecord(site, 1);
    // Overwritten by a sibling subdomain: the same receipt and visitor, other choices.
    plantPreferences(everythingAccepted(refusal.id.toString(), refusal.visitorId.toString()));

    browser.navigate().refresh();

    banner();
    assertEquals(List.of(receiptUrl(site, refusal.id)), receiptReads(), "checked once");
    assertNull(browser.executeScript("return window.statsRan"), "the altered choice never ran");
    assertNull(browser.executeScript("return window.marketingRan"));
    assertEquals(1, count(site), "nothing was sent in the visitor's name");
  }

  @Test
  void shouldCheckAReceiptItDidNotReceiveOnceThenTrustIt() {
    String site = publishedSite("browser-checked-receipt");
    browser.get(pages.url(site));
    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();
    ConsentRecord record = awaitRecord(site, 1);

    browser.navigate().refresh();
    awaitDecisionApplied();
    assertEquals(List.of(), receiptReads(), "its own receipt costs no request");

    // The same genuine cookie, as another subdomain's banner or a cleared storage leaves it.
    browser.executeScript("localStorage.clear()");
    browser.navigate().refresh();
    awaitDecisionApplied();
    assertEquals(List.of(receiptUrl(site, record.id)), receiptReads(), "checked by one read");
    assertEquals(true, browser.executeScript("return window.statsRan"));
    assertTrue(browser.findElements(By.cssSelector(".cp-banner")).isEmpty(), "not asked again");

    browser.navigate().refresh();
    awaitDecisionApplied();
    assertEquals(List.of(), receiptReads(), "checked once, then known");
    assertEquals(true, browser.executeScript("return window.statsRan"));
    assertEquals(1, count(site));
  }

  @Test
  void shouldRunNothingOfACookieItCannotCheck() {
    String site = publishedSite("browser-unchecked");
    browser.get(pages.url(site));
    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();
    awaitRecord(site, 1);
    browser.executeScript("localStorage.clear()");
    // The API answers the banner but the receipt cannot be read (a network failure).
    browserChanged = true;
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/consents/*")));

    browser.navigate().refresh();

    banner();
    assertNull(
        browser.executeScript("return window.statsRan"), "no tracker on an unchecked cookie");
    assertNull(browser.executeScript("return ConsentPlatform.getConsent()"));
  }

  private static Map<String, Object> everythingAccepted(String receipt, String visitor) {
    return Map.of(
        "i",
        receipt,
        "v",
        visitor,
        "k",
        "AAAAAAAA.planted",
        "p",
        1,
        "t",
        System.currentTimeMillis(),
        "c",
        Map.of("necessary", true, "statistics", true, "marketing", true),
        "a",
        "accept_all",
        "m",
        "banner");
  }

  private String receiptUrl(String siteKey, UUID consentId) {
    return api.toString().replaceAll("/$", "") + "/v1/sites/" + siteKey + "/consents/" + consentId;
  }

  /** The receipts this page view read, as the browser's resource timing lists them. */
  @SuppressWarnings("unchecked")
  private List<String> receiptReads() {
    return (List<String>)
        browser.executeScript(
            "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.indexOf('/consents/') > 0)");
  }

  private void plantPreferences(Map<String, Object> value) {
    browser.executeScript(
        "document.cookie = 'cookies_preferences=' + encodeURIComponent(JSON.stringify(arguments[0]))"
            + " + '; path=/'",
        value);
  }

  @Test
  void shouldWarnOnceInTheConsoleAndRememberTheDecisionOnAnUndeclaredPage() {
    policies.publish(SiteFixture.create("browser-undeclared", List.of("shop.example")), "test");
    browser.get(pages.url("browser-undeclared"));

    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();

    String origin = "http://" + pages.domain();
    refusedOrigins.flush();
    new WebDriverWait(browser, WAIT)
        .until(
            d -> {
              refusedOrigins.flush();
              return refusedCount("browser-undeclared", origin) == 1;
            });
    List<String> warnings =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(message -> message.contains("Consent banner"))
            .toList();
    assertEquals(1, warnings.size(), warnings.toString());
    String warning = warnings.get(0);
    assertTrue(warning.contains(origin + " is not a declared domain"), warning);
    assertTrue(warning.contains("Add " + pages.domain() + " to Domains"), warning);
    assertEquals(0, count("browser-undeclared"), "the decision was refused, not recorded");
  }

  private static long refusedCount(String siteKey, String origin) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        ConsentRecord.getEntityManager()
                            .createNativeQuery(
                                "select coalesce(sum(r.refused), 0) from refused_origin r"
                                    + " join site s on s.id = r.site_id"
                                    + " where s.site_key = ?1 and r.origin = ?2")
                            .setParameter(1, siteKey)
                            .setParameter(2, origin)
                            .getSingleResult())
                    .longValue());
  }

  private String publishedSite(String key) {
    policies.publish(SiteFixture.create(key, List.of(pages.domain())), "test");
    return key;
  }

  private void republish(String siteKey) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Cookie cookie =
                  Cookie.find("site.key = ?1 and name = 'statistics_cookie'", siteKey)
                      .firstResult();
              cookie.name = "_pk_id";
            });
    long siteId =
        QuarkusTransaction.requiringNew()
            .call(() -> io.consentplatform.core.site.Site.findByKey(siteKey).orElseThrow().id);
    policies.publish(siteId, "test");
  }

  private WebElement banner() {
    return new WebDriverWait(browser, WAIT)
        .until(
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector(".cp-banner"));
              return found.isEmpty() ? null : found.get(0);
            });
  }

  private void awaitDecisionApplied() {
    new WebDriverWait(browser, WAIT)
        .until(d -> browser.executeScript("return ConsentPlatform.getConsent()") != null);
  }

  private ConsentRecord awaitRecord(String siteKey, long expected) {
    new WebDriverWait(browser, WAIT).until(d -> count(siteKey) >= expected);
    // The receipt id reaches the cookie once the API has answered, and the banner's state (and its
    // own cookie, written in the same step) right after the server's Set-Cookie.
    if (expected == 1) {
      new WebDriverWait(browser, WAIT)
          .until(d -> preferencesCookie().map(c -> c.contains("\"i\":")).orElse(false));
      new WebDriverWait(browser, WAIT)
          .until(
              d ->
                  browser.executeScript(
                          "var c = ConsentPlatform.getConsent(); return c && c.consentId")
                      != null);
    }
    return latestRecord(siteKey);
  }

  private static long count(String siteKey) {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", siteKey));
  }

  private static ConsentRecord latestRecord(String siteKey) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ConsentRecord.<ConsentRecord>find("site.key = ?1 order by recordedAt desc", siteKey)
                    .firstResult());
  }

  private String documentCookie() {
    return (String) browser.executeScript("return document.cookie");
  }

  private Optional<String> preferencesCookie() {
    org.openqa.selenium.Cookie cookie = browser.manage().getCookieNamed("cookies_preferences");
    return Optional.ofNullable(cookie)
        .map(c -> URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8));
  }
}
