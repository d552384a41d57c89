package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Setting up a new site in a real Chromium, as a new tenant does it: its domains (a typo is marked
 * beside the field, a pasted address keeps its host), the snippet to paste into its pages, and the
 * banner's preview before anything is published.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class SiteSetupBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TestHTTPResource("/")
  URL base;

  private ChromeDriver browser;

  @BeforeEach
  void open() {
    browser = Chromium.start();
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  @Test
  void shouldMarkAMistypedDomainAndKeepThePastedAddressesHost() {
    signIn("domains@cary.example");
    createSite("setup-domains");
    browser.findElement(By.linkText("Settings")).click();
    WebElement domains = browser.findElement(By.id("domains"));
    assertTrue(
        browser.findElement(By.id("domains-hint")).getText().contains("localhost:8080"),
        "the field says how ports are matched");

    domains.clear();
    domains.sendKeys("www.example.org\nopendata.exmple..org");
    submitSettings();

    domains = browser.findElement(By.id("domains"));
    assertEquals("true", domains.getAttribute("aria-invalid"), "the field is marked");
    assertEquals(
        "opendata.exmple..org has an empty part: two dots in a row, or a dot at the start",
        browser.findElement(By.id("domains-error")).getText());
    assertEquals("domains-error", domains.getAttribute("aria-describedby"));
    assertEquals("www.example.org\nopendata.exmple..org", domains.getAttribute("value"));
    Chromium.keep(browser, "point5-after");

    domains.clear();
    domains.sendKeys("https://www.example.org/page\nhttp://localhost:8080/x");
    submitSettings();
    new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("done=site-saved"));

    assertEquals(
        "www.example.org\nlocalhost:8080",
        browser.findElement(By.id("domains")).getAttribute("value"));
  }

  @Test
  void shouldOfferAnAbsoluteSnippetThatLoadsTheBannerAndCopiesIt() throws IOException {
    signIn("snippet@cary.example");
    createSite("setup-snippet");
    String expected = "<script src=\"" + base + "v1/sites/setup-snippet/banner.js\"></script>";
    WebElement snippet = browser.findElement(By.id("snippet-script"));
    assertEquals(expected, snippet.getText());
    assertTrue(
        browser
            .findElement(By.id("snippet-blocked"))
            .getText()
            .startsWith("<script type=\"text/plain\" data-category=\""));
    assertTrue(browser.findElement(By.id("snippet-frame")).getText().contains(" data-src=\""));
    Chromium.keep(browser, "point6-after");

    assertEquals(expected, copy("snippet-script"), "the clipboard holds the snippet");

    // Pasted into a page of another origin, before anything is published: the script runs.
    String src = expected.replaceAll(".*src=\"([^\"]+)\".*", "$1");
    given().when().get(src).then().statusCode(200);
    HttpServer tenant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] page =
        ("<!DOCTYPE html><html lang=\"en\"><title>Tenant page</title>" + expected)
            .getBytes(StandardCharsets.UTF_8);
    tenant.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    tenant.start();
    try {
      browser.get("http://127.0.0.1:" + tenant.getAddress().getPort() + "/");
      new WebDriverWait(browser, WAIT)
          .until(
              d -> Boolean.TRUE.equals(browser.executeScript("return !!window.ConsentPlatform")));
    } finally {
      tenant.stop(0);
    }
  }

  @Test
  void shouldPreviewTheBannerOfASiteNeverPublished() {
    signIn("preview-new@cary.example");
    createSite("setup-preview");
    browser.findElement(By.linkText("Banner texts")).click();

    awaitPreview("#cp-title", "Your choice about cookies");
    browser.findElement(By.id("bannerTitle")).sendKeys("Cookies on the new site");
    awaitPreview("#cp-title", "Cookies on the new site");
  }

  @Test
  void shouldCopyANewApiKey() {
    signIn("keys@cary.example", Role.OWNER);
    browser.get(base + "admin/api-keys");
    browser.findElement(By.id("name")).sendKeys("Deploy script");
    browser.findElement(By.cssSelector("section form.grid button[type=submit]")).click();
    String secret =
        new WebDriverWait(browser, WAIT)
            .until(d -> d.findElement(By.cssSelector("#api-key-secret .secret")))
            .getText();

    assertEquals(secret, copy("api-key-secret"), "the clipboard holds the key");
  }

  /** Presses the copy button of the element {@code id}; what the clipboard then holds. */
  private Object copy(String id) {
    browser.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin",
            base.toString().replaceAll("/$", ""),
            "permissions",
            List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    WebElement button = browser.findElement(By.cssSelector("button[data-copy=" + id + "]"));
    String label = button.getText();
    button.click();
    new WebDriverWait(browser, WAIT).until(d -> !button.getText().equals(label));
    assertEquals("Copied", button.getText());
    return browser.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "navigator.clipboard.readText().then(done, function (e) { done('' + e); });");
  }

  private void createSite(String key) {
    browser.get(base + "admin/sites");
    browser.findElement(By.id("key")).sendKeys(key);
    browser.findElement(By.id("name")).sendKeys("New site " + key);
    browser.findElement(By.id("domains")).sendKeys(key + ".example.org");
    browser.findElement(By.cssSelector("form.grid button[type=submit]")).click();
    new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("done=site-created"));
  }

  private void submitSettings() {
    Chromium.submit(browser, browser.findElement(By.cssSelector("form.grid button[type=submit]")));
  }

  /** Waits until an element of the banner in the preview frame shows {@code text}. */
  private void awaitPreview(String css, String text) {
    Chromium.awaitInFrame(browser, "banner-preview", css, text);
  }

  private void signIn(String email) {
    signIn(email, Role.EDITOR);
  }

  private void signIn(String email, Role role) {
    DemoMembers.add(email, role);
    BackOfficeSignIn.demoMember(browser, base, email);
  }
}
