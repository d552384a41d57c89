package io.consentplatform.api.banner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Provider;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteTexts;
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
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A visitor across publications, in a real Chromium: a version that only corrects and translates
 * texts leaves their decision standing; one that adds a cookie asks them again, and nothing runs
 * until they answer.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ReconsentBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject PolicyService policies;

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
  void shouldNotAskAgainAfterTextsChangedButAskAfterANewCookie() {
    String site = "reconsent-visitor";
    long siteId = SiteFixture.create(site, List.of(pages.domain()));
    policies.publish(siteId, "test");
    browser.get(pages.url(site));
    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();
    awaitRecords(site, 1);
    assertEquals(true, browser.executeScript("return window.statsRan"));

    // Version 2: a corrected banner title, a French category name, a German cookie text.
    edit(
        siteId,
        s -> {
          s.texts =
              new TreeMap<>(
                  Map.of(
                      "en",
                      new SiteTexts(
                          "Cookies on this shop",
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null)));
          Category statistics = Category.find("site = ?1 and key = 'statistics'", s).firstResult();
          statistics.texts =
              new TreeMap<>(
                  Map.of(
                      "en", new CategoryText("EN statistics", "About statistics"),
                      "fr", new CategoryText("Mesure d'audience", "À propos")));
        });
    assertEquals(2, policies.publish(siteId, "test").number());
    reload();

    awaitDecisionApplied();
    assertTrue(
        browser.findElements(By.cssSelector(".cp-banner")).isEmpty(),
        "a version that changed texts only does not ask again");
    assertEquals(true, browser.executeScript("return window.statsRan"), "the choice still applies");
    @SuppressWarnings("unchecked")
    Map<String, Object> consent =
        (Map<String, Object>) browser.executeScript("return ConsentPlatform.getConsent()");
    assertEquals(1L, consent.get("version"), "the decision still names the version it was made on");
    assertEquals(1, records(site), "nothing was recorded again");

    // Version 3: a new statistics cookie.
    edit(
        siteId,
        s -> {
          Cookie cookie = new Cookie();
          cookie.site = s;
          cookie.provider = Provider.find("site", s).firstResult();
          cookie.category = Category.find("site = ?1 and key = 'statistics'", s).firstResult();
          cookie.name = "_pk_id";
          cookie.setRetention(Retention.of(13, Retention.Unit.MONTHS));
          cookie.party = Party.FIRST_PARTY;
          cookie.texts = new TreeMap<>(Map.of("en", new CookieText("Everywhere", "To count")));
          cookie.persist();
        });
    assertEquals(3, policies.publish(siteId, "test").number());
    reload();

    WebElement banner = banner();
    assertNull(browser.executeScript("return window.statsRan"), "nothing runs until asked again");
    assertNull(browser.executeScript("return ConsentPlatform.getConsent()"));
    assertEquals("Cookies on this shop", banner.findElement(By.id("cp-title")).getText());
    banner.findElement(By.cssSelector("[data-action=reject_all]")).click();
    awaitRecords(site, 2);
    ConsentRecord latest = latestRecord(site);
    assertEquals(3, latest.policyVersion.number, "the new decision names version 3");
    assertFalse(latest.choices.get("statistics"));
  }

  private void reload() {
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of()); // as when its max-age ran out
    browser.navigate().refresh();
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

  private void awaitRecords(String siteKey, long expected) {
    new WebDriverWait(browser, WAIT).until(d -> records(siteKey) >= expected);
    // The receipt id reaches the cookie once the API has answered.
    new WebDriverWait(browser, WAIT)
        .until(
            d -> {
              var cookie = browser.manage().getCookieNamed("cookies_preferences");
              return cookie != null && cookie.getValue().contains("%22i%22");
            });
  }

  private static void edit(long siteId, Consumer<Site> change) {
    QuarkusTransaction.requiringNew().run(() -> change.accept(Site.findById(siteId)));
  }

  private static long records(String siteKey) {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", siteKey));
  }

  private static ConsentRecord latestRecord(String siteKey) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ConsentRecord.<ConsentRecord>find(
                        "from ConsentRecord r join fetch r.policyVersion"
                            + " where r.site.key = ?1 order by r.recordedAt desc",
                        siteKey)
                    .firstResult());
  }
}
