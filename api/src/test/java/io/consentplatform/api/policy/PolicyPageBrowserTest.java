package io.consentplatform.api.policy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cookie policy page as a visitor reaches it from the site, in a real Chromium: who is
 * responsible for their data, and a way back to the site's cookie settings to change their choice,
 * offered only towards the site's own declared domains.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PolicyPageBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SITE = "policy-back";

  @Inject PolicyService policies;

  @TestHTTPResource("/")
  URL api;

  private HttpServer tenant;
  private ChromeDriver browser;

  @BeforeEach
  void open() throws IOException {
    String script = api.toString().replaceAll("/$", "") + "/v1/sites/" + SITE + "/banner.js";
    // The tenant's site on loopback, every path a page with the banner (the way back leads to /).
    tenant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tenant.createContext(
        "/",
        exchange -> {
          byte[] page =
              ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                      + "<title>The tenant's site</title><script src=\""
                      + script
                      + "\"></script></head><body><h1>Welcome</h1></body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    tenant.start();
    browser = Chromium.start();
  }

  @AfterEach
  void close() {
    browser.quit();
    tenant.stop(0);
  }

  @Test
  void shouldNameTheControllerAndTakeTheVisitorBackToTheSitesSettings() {
    String domain = "127.0.0.1:" + tenant.getAddress().getPort();
    publishedSiteUnder(domain);
    browser.get("http://" + domain + "/shop/basket");
    new WebDriverWait(browser, WAIT)
        .until(d -> !d.findElements(By.cssSelector(".cp-banner .cp-policy a")).isEmpty());
    String home = browser.getWindowHandle();

    browser.findElement(By.cssSelector(".cp-banner .cp-policy a")).click();
    new WebDriverWait(browser, WAIT).until(d -> d.getWindowHandles().size() == 2);
    browser
        .switchTo()
        .window(
            browser.getWindowHandles().stream()
                .filter(h -> !h.equals(home))
                .findFirst()
                .orElseThrow());
    new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.id("controller")).isEmpty());

    String controller = browser.findElement(By.cssSelector("section:has(#controller)")).getText();
    assertTrue(controller.contains("City of Cary"), controller);
    assertTrue(controller.contains("316 N Academy St"), controller);
    assertEquals(
        "mailto:privacy@townofcary.org",
        browser.findElement(By.cssSelector("section:has(#controller) a")).getAttribute("href"));
    // The site's page sent only its origin (the browser's default referrer policy).
    assertEquals(
        "http://" + domain + "/#cookie-settings",
        browser.findElement(By.id("change-choice")).getAttribute("href"));
    Chromium.screenshot(browser, Path.of("target/screenshots/policy-page-from-the-site.png"));

    browser.findElement(By.id("change-choice")).click();

    new WebDriverWait(browser, WAIT)
        .until(d -> !d.findElements(By.cssSelector(".cp-banner .cp-categories")).isEmpty());
    assertEquals("http://" + domain + "/#cookie-settings", browser.getCurrentUrl());
  }

  @Test
  void shouldOfferTheWayBackOnlyTowardsADeclaredDomain() {
    String domain = "127.0.0.1:" + tenant.getAddress().getPort();
    publishedSiteUnder(domain);
    String page = "/sites/" + SITE + "/cookie-policy";

    assertEquals(
        "http://" + domain + "/news/#cookie-settings",
        wayBack(page, "http://" + domain + "/news/?secret=1#top", null));
    assertEquals(
        "http://" + domain + "/#cookie-settings", wayBack(page, null, "http://" + domain + "/"));
    for (String elsewhere :
        List.of(
            "https://evil.example/",
            "http://" + domain + ".evil.example/",
            "http://user@" + domain + "/",
            "javascript:alert(1)",
            "//evil.example/")) {
      assertEquals("", wayBack(page, elsewhere, null), elsewhere);
      assertEquals("", wayBack(page, null, elsewhere), elsewhere);
    }
    assertEquals("", wayBack(page, null, null), "opened directly: no way back");
  }

  private String wayBack(String path, String from, String referer) {
    var request = given();
    if (from != null) {
      request.queryParam("from", from);
    }
    if (referer != null) {
      request.header("Referer", referer);
    }
    Document page =
        Jsoup.parse(request.when().get(path).then().statusCode(200).extract().asString());
    return page.select("#change-choice").attr("href");
  }

  private void publishedSiteUnder(String domain) {
    long id =
        QuarkusTransaction.requiringNew()
            .call(() -> Site.findByKey(SITE).map(site -> site.id).orElse(0L));
    if (id == 0) {
      id = SiteFixture.create(SITE, List.of(domain));
    }
    long siteId = id;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site site = Site.findById(siteId);
              site.domains = List.of(domain);
              site.controllerName = "City of Cary";
              site.controllerAddress = "316 N Academy St\nCary, NC 27513";
              site.controllerContact = "privacy@townofcary.org";
            });
    if (policies.current(SITE).isEmpty()) {
      policies.publish(id, "test");
    }
  }
}
