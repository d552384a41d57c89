package io.consentplatform.api.banner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteTheme;
import io.consentplatform.core.testing.Axe;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.HtmlPages;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How the banner looks and what blocked embeds show, in a real Chromium: placeholders where blocked
 * frames stand, the three layouts, dark mode and a tenant's colours, each checked by axe-core (WCAG
 * 2.1 A and AA) as visitors see them.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class LookBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Path SHOTS = Path.of("/work/shots");

  @Inject PolicyService policies;

  @TestHTTPResource("/")
  URL api;

  private static HtmlPages pages;
  private static ChromeDriver browser;

  @BeforeEach
  void open() throws IOException {
    if (pages == null) {
      pages = pageServer(api.toString().replaceAll("/$", ""));
    }
    if (browser == null) {
      browser = Chromium.start();
      return;
    }
    browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.get(url("nothing-here"));
    browser.executeScript("localStorage.clear(); sessionStorage.clear();");
    Axe.colourScheme(browser, "light");
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
  void shouldStandAPlaceholderWhereABlockedFrameIsAndLoadItOnceWithoutRecording() {
    String site = publishedSite("look-embed", null);
    browser.get(url(site));
    banner();
    new Actions(browser).sendKeys(Keys.ESCAPE).perform(); // no answer: the frames stay blocked

    List<WebElement> holders = placeholders(2);
    WebElement named = holders.get(0);
    Rectangle size = named.getRect();
    assertEquals(400, size.getWidth(), "the frame's width");
    assertEquals(260, size.getHeight(), "the frame's height");
    assertEquals("Analytics Inc.", named.findElement(By.tagName("strong")).getText());
    assertEquals("region", named.getAttribute("role"));
    assertEquals("Analytics Inc.", named.getAttribute("aria-label"));
    assertTrue(named.getText().contains("it waits until you allow EN marketing"), named.getText());
    assertEquals("marketing_cookie", named.findElement(By.className("cp-cookies")).getText());
    assertEquals(
        List.of("Load this content", "Always allow EN marketing"),
        named.findElements(By.tagName("button")).stream().map(WebElement::getText).toList());
    // The second frame names no provider: its host (analytics.localhost) finds it.
    assertTrue(holders.get(1).getText().startsWith("Analytics Inc.\n"), holders.get(1).getText());
    assertFalse(frameByTitle("Video").isDisplayed(), "the frame itself stands hidden");
    assertEquals(List.of(), Axe.violations(browser, ".cp-embed"));
    Chromium.screenshot(browser, SHOTS.resolve("18-placeholder.png"));
    Axe.colourScheme(browser, "dark");
    assertEquals(List.of(), Axe.violations(browser, ".cp-embed"));
    Axe.colourScheme(browser, "light");

    // By keyboard: the first button of the first placeholder, then Enter.
    WebElement load = named.findElement(By.tagName("button"));
    load.sendKeys(Keys.ENTER);

    new WebDriverWait(browser, WAIT).until(d -> frameByTitle("Video").isDisplayed());
    assertEquals(url("frame"), frameByTitle("Video").getAttribute("src"));
    Chromium.awaitInFrame(browser, "video", "p", "The embedded video");
    assertEquals(1, browser.findElements(By.cssSelector(".cp-embed")).size(), "the other stays");
    assertEquals(0, count(site), "loading one embed records nothing");

    browser.navigate().refresh();
    banner();
    assertEquals(2, placeholders(2).size(), "next page: blocked again");
  }

  @Test
  void shouldRecordADecisionWhenAVisitorAlwaysAllowsTheCategory() {
    String site = publishedSite("look-allow", null);
    browser.get(url(site));
    banner();

    placeholders(2).get(1).findElements(By.tagName("button")).get(1).click();

    new WebDriverWait(browser, WAIT).until(d -> count(site) == 1);
    ConsentRecord record =
        QuarkusTransaction.requiringNew()
            .call(() -> ConsentRecord.<ConsentRecord>find("site.key", site).firstResult());
    assertEquals(ConsentAction.CUSTOM, record.action);
    assertEquals(Map.of("necessary", true, "statistics", false, "marketing", true), record.choices);
    new WebDriverWait(browser, WAIT)
        .until(d -> d.findElements(By.cssSelector(".cp-embed")).isEmpty());
    assertTrue(browser.findElements(By.cssSelector(".cp-banner")).isEmpty(), "decided: closed");
    assertTrue(frameByTitle("Video").isDisplayed());
    assertTrue(frameByTitle("Map").isDisplayed());
    assertEquals(
        "http://analytics.localhost:" + pages.port() + "/frame?map",
        frameByTitle("Map").getAttribute("src"));

    // Withdrawn in the settings: the frames stop and their placeholders are back.
    browser.executeScript("ConsentPlatform.show()");
    banner().findElement(By.cssSelector("input[name=marketing]")).click();
    banner().findElement(By.cssSelector("[data-action=custom]")).click();
    placeholders(2);
    assertFalse(frameByTitle("Video").isDisplayed());
    assertEquals("about:blank", frameByTitle("Video").getAttribute("src"));
  }

  @Test
  void shouldPassAxeOnBothLayersOfEachLayoutInLightAndDark() {
    List<String> found = new ArrayList<>();
    for (SiteTheme.Layout layout : SiteTheme.Layout.values()) {
      String name = layout.name().toLowerCase();
      String site =
          publishedSite(
              "look-" + name, new SiteTheme(layout, null, null, null, null, null, null, true));
      for (String scheme : List.of("light", "dark")) {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        Axe.colourScheme(browser, scheme);
        browser.get(url(site));
        WebElement banner = banner();
        assertTrue(
            banner.getAttribute("class").contains("cp-" + name), banner.getAttribute("class"));
        found.addAll(
            prefixed(name + " " + scheme + " first layer", Axe.violations(browser, ".cp-banner")));
        if (scheme.equals("light")) {
          Chromium.screenshot(browser, SHOTS.resolve("18-layout-" + name + ".png"));
        } else if (layout == SiteTheme.Layout.BOX) {
          Chromium.screenshot(browser, SHOTS.resolve("18-dark.png"));
        }
        banner.findElement(By.cssSelector("[data-action=customize]")).click();
        new WebDriverWait(browser, WAIT)
            .until(d -> !d.findElements(By.cssSelector(".cp-categories")).isEmpty());
        found.addAll(
            prefixed(name + " " + scheme + " settings", Axe.violations(browser, ".cp-banner")));
      }
    }
    Axe.colourScheme(browser, "light");
    assertEquals(List.of(), found);
  }

  @Test
  void shouldWearATenantsColoursFontAndCorners() {
    String site =
        publishedSite(
            "look-own",
            new SiteTheme(
                SiteTheme.Layout.BAR,
                "#102030",
                "#ffffff",
                "#ffd166",
                "#102030",
                "Georgia, serif",
                0,
                false));
    Axe.colourScheme(browser, "dark"); // the site does not follow dark mode: its own colours stay
    browser.get(url(site));
    WebElement banner = banner();

    assertEquals("rgba(16, 32, 48, 1)", banner.getCssValue("background-color"));
    assertEquals("rgba(255, 255, 255, 1)", banner.getCssValue("color"));
    assertEquals("Georgia, serif", banner.getCssValue("font-family"));
    assertEquals("0px", banner.getCssValue("border-top-left-radius"));
    WebElement accept = banner.findElement(By.cssSelector("[data-action=accept_all]"));
    assertEquals("rgba(255, 209, 102, 1)", accept.getCssValue("background-color"));
    assertEquals("rgba(16, 32, 48, 1)", accept.getCssValue("color"));
    int width = ((Number) browser.executeScript("return innerWidth")).intValue();
    assertEquals(width, banner.getRect().getWidth(), "a bar spans the page");
    assertEquals(List.of(), Axe.violations(browser, ".cp-banner"));
    Axe.colourScheme(browser, "light");
  }

  private static List<String> prefixed(String where, List<String> violations) {
    return violations.stream().map(v -> where + ": " + v).toList();
  }

  private String publishedSite(String key, SiteTheme theme) {
    long id = SiteFixture.create(key, List.of(domain()));
    if (theme != null) {
      QuarkusTransaction.requiringNew().run(() -> Site.<Site>findById(id).theme = theme.checked());
    }
    policies.publish(id, "test");
    return key;
  }

  private WebElement banner() {
    return new WebDriverWait(browser, WAIT)
        .until(
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector(".cp-banner"));
              return found.isEmpty() ? null : found.get(0);
            });
  }

  private List<WebElement> placeholders(int expected) {
    return new WebDriverWait(browser, WAIT)
        .until(
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector(".cp-embed"));
              return found.size() == expected ? found : null;
            });
  }

  private WebElement frameByTitle(String title) {
    return browser.findElement(By.cssSelector("iframe[title='" + title + "']"));
  }

  private static long count(String siteKey) {
    return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.key", siteKey));
  }

  private static String domain() {
    return "127.0.0.1:" + pages.port();
  }

  private static String url(String path) {
    return "http://" + domain() + "/" + path;
  }

  /**
   * A tenant's page with two blocked frames of the marketing category: one naming its provider
   * (data-service), one on a host that names it; {@code /frame} is what they show once loaded.
   */
  private static HtmlPages pageServer(String apiBase) {
    return HtmlPages.serve(
        false,
        (uri, port) -> {
          String path = uri.getPath().substring(1);
          return path.equals("frame")
              ? "<!DOCTYPE html><html lang=\"en\"><title>Video</title><p>The embedded video</p>"
              : """
                      <!DOCTYPE html>
                      <html lang="en">
                      <head><meta charset="utf-8"><title>A tenant's page</title>
                      <script src="%1$s/v1/sites/%2$s/banner.js"></script></head>
                      <body>
                      <h1>Our town</h1>
                      <iframe title="Video" name="video" width="400" height="260" style="border:0"
                        data-category="marketing" data-service="Analytics Inc."
                        data-src="http://127.0.0.1:%3$d/frame"></iframe>
                      <iframe title="Map" style="width:320px;height:200px"
                        data-category="marketing" data-src="http://analytics.localhost:%3$d/frame?map"></iframe>
                      </body></html>
                      """
                  .formatted(apiBase, path, port);
        });
  }
}
