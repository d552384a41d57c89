package io.consentplatform.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo of the Town of Cary portal in a real Chromium, which resolves townofcary.localhost to
 * this machine by itself: the banner works on it, the portal's cookies stay on the demo's host, and
 * the back office, opened next in the same browser, gets none of them.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DemoPagesBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TestHTTPResource("/")
  URL platform;

  @Test
  void shouldShowTheBannerOnTheDemoAndKeepItsCookiesOffThePlatformsHost() {
    String demoDomain = "townofcary.localhost:" + platform.getPort();
    await().atMost(WAIT).until(() -> demoSiteDomains().contains(demoDomain));
    long decisionsBefore = decisions();
    ChromeDriver browser = Chromium.start();
    try {
      // Opened at the platform's own address, the demo moves to its host name.
      browser.get("http://localhost:" + platform.getPort() + "/demo/townofcary/");
      new WebDriverWait(browser, WAIT)
          .until(d -> !d.findElements(By.cssSelector(".cp-banner")).isEmpty());
      assertEquals("http://" + demoDomain + "/demo/townofcary/", browser.getCurrentUrl());
      assertEquals(
          "Demo page served by the Consent Platform, imitating data.townofcary.org",
          browser.findElement(By.id("demo-notice")).getText());
      Chromium.keep(browser, "demo-townofcary-banner");
      assertEquals(
          List.of(
              "csrftoken@townofcary.localhost/demo/townofcary/",
              "django_language@townofcary.localhost/demo/townofcary/",
              "sessionid@townofcary.localhost/demo/townofcary/ HttpOnly"),
          cookies(browser),
          "the portal's three cookies, before any choice, on the demo's host and path only");

      browser.findElement(By.cssSelector("[data-action=accept_all]")).click();
      new WebDriverWait(browser, WAIT).until(d -> cookies(browser).size() == 4);
      await().atMost(WAIT).until(() -> decisions() == decisionsBefore + 1);
      browser.findElement(By.linkText("Datasets")).click();
      new WebDriverWait(browser, WAIT)
          .until(d -> d.findElement(By.tagName("h1")).getText().equals("Datasets"));
      assertTrue(
          browser.findElements(By.cssSelector(".cp-banner")).isEmpty(),
          "the decision is kept from page to page");

      browser.get(platform + "admin/login");
      new WebDriverWait(browser, WAIT)
          .until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
      assertEquals(
          List.of(
              "cookies_preferences@townofcary.localhost/",
              "cp_csrf@localhost/admin HttpOnly",
              "cp_signin@localhost/j_security_check HttpOnly",
              "csrftoken@townofcary.localhost/demo/townofcary/",
              "django_language@townofcary.localhost/demo/townofcary/",
              "sessionid@townofcary.localhost/demo/townofcary/ HttpOnly"),
          cookies(browser),
          "on localhost, only the back office's own cookies (its forms' and the sign-in's tokens)");
    } finally {
      browser.quit();
    }
  }

  private static List<String> demoSiteDomains() {
    return QuarkusTransaction.requiringNew()
        .call(() -> List.copyOf(Site.findByKey("townofcary").orElseThrow().domains));
  }

  private static long decisions() {
    return QuarkusTransaction.requiringNew()
        .call(() -> ConsentRecord.count("site", Site.findByKey("townofcary").orElseThrow()));
  }

  /** Every cookie the browser holds, from every host, as "name@domain/path" and its flag. */
  @SuppressWarnings("unchecked")
  private static List<String> cookies(ChromeDriver browser) {
    Map<String, Object> all = browser.executeCdpCommand("Network.getAllCookies", Map.of());
    return ((List<Map<String, Object>>) all.get("cookies"))
        .stream()
            .map(
                c ->
                    c.get("name")
                        + "@"
                        + c.get("domain")
                        + c.get("path")
                        + (Boolean.TRUE.equals(c.get("httpOnly")) ? " HttpOnly" : ""))
            .sorted()
            .toList();
  }
}
