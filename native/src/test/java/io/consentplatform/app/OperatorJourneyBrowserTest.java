package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.platform.PlatformOperators;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.GreenMailResource;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The platform run as a service, end to end in a real Chromium: an operator creates a tenant and
 * invites its owner, who follows the mailed link, sets a password, creates a site and publishes it;
 * visitors use its banner; the operator sees the tenant's usage in the console, gives it a small
 * plan (which refuses a second site but never a visitor's decision) and suspends it (its banner
 * still records decisions, its owner can no longer change anything).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(GreenMailResource.class)
class OperatorJourneyBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String OPERATOR = "operator@platform.example";
  private static final String OPERATOR_PASSWORD = "operator passphrase one";
  private static final String OWNER = "owner@harbour-news.example";
  private static final String OWNER_PASSWORD = "harbour lights at dusk";
  private static final String SITE = "harbour";
  private static final String DOMAIN = "news.harbour.example";

  @Inject LocalAccounts accounts;
  @Inject PlatformOperators operators;

  @TestHTTPResource("/")
  URL base;

  private ChromeDriver browser;

  @BeforeEach
  void open() {
    browser = Chromium.start();
    if (!accounts.exists(OPERATOR)) {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                accounts.create(OPERATOR, OPERATOR_PASSWORD);
                operators.list("local:" + OPERATOR, OPERATOR, "test");
              });
    }
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  @Test
  void shouldRunATenantFromItsCreationToItsSuspension() throws Exception {
    // The operator, who belongs to no tenant, lands in the console and creates one.
    signIn(OPERATOR, OPERATOR_PASSWORD, "/admin/platform");
    browser.findElement(By.id("tenant-name")).sendKeys("Harbour News");
    browser.findElement(By.id("tenant-slug")).sendKeys("harbour-news");
    browser.findElement(By.id("tenant-owner")).sendKeys(OWNER);
    Chromium.submit(browser, browser.findElement(By.id("create-tenant")));
    String shown = browser.findElement(By.id("invitation-link")).getText();
    assertTrue(shown.startsWith(base + "admin/link/"), shown);
    Chromium.keep(browser, "operator-tenant-created");
    String mailed = Mailbox.linkIn(Mailbox.newestTo(OWNER), "/admin/link/");
    assertEquals(shown, mailed, "the owner is mailed the link the operator saw");

    // The owner follows the link, chooses a password, and meets the first steps.
    browser.manage().deleteAllCookies();
    browser.get(mailed);
    browser.findElement(By.id("password")).sendKeys(OWNER_PASSWORD);
    browser.findElement(By.id("confirmation")).sendKeys(OWNER_PASSWORD);
    Chromium.submit(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
    awaitUrl("done=password-set");
    signIn(OWNER, OWNER_PASSWORD, "/admin/sites");
    assertTrue(browser.findElement(By.cssSelector(".who")).getText().contains("Harbour News"));
    assertTrue(!browser.findElements(By.id("first-steps")).isEmpty(), "the first steps show");

    long siteId = createSite(SITE);
    browser.get(base + "admin/sites/" + siteId + "/categories");
    browser.findElement(By.id("key")).sendKeys("necessary");
    browser.findElement(By.cssSelector("#purpose option[value=NECESSARY]")).click();
    browser.findElement(By.name("required")).click();
    browser.findElement(By.id("name")).sendKeys("Strictly necessary");
    browser.findElement(By.id("description")).sendKeys("What the site cannot work without.");
    Chromium.submit(browser, browser.findElement(By.cssSelector("form.grid button[type=submit]")));
    awaitUrl("done=");
    browser.get(base + "admin/sites/" + siteId + "/versions");
    browser.findElement(By.name("confirm")).click();
    Chromium.submit(browser, browser.findElement(By.cssSelector("form.publish button")));
    awaitUrl("done=published");

    // Visitors see the banner and decide.
    visitorSeesTheBanner();
    assertEquals(201, decide());
    assertEquals(201, decide());

    // The operator sees the tenant with its site and this month's usage.
    browser.manage().deleteAllCookies();
    signIn(OPERATOR, OPERATOR_PASSWORD, "/admin/platform");
    awaitRow(row -> row.startsWith("Harbour News") && row.contains("|1\n1\n2|"));
    Chromium.keep(browser, "operator-console-usage");

    // A plan of one site and one decision a month.
    browser.get(base + "admin/platform/plans");
    browser.findElement(By.id("code")).sendKeys("tiny");
    browser.findElement(By.id("name")).sendKeys("Tiny");
    browser.findElement(By.id("maxSites")).sendKeys("1");
    browser.findElement(By.id("maxDecisionsPerMonth")).sendKeys("1");
    Chromium.submit(browser, browser.findElement(By.id("create-plan")));
    browser.get(base + "admin/platform");
    browser.findElement(By.linkText("Harbour News")).click();
    String tenantPage = browser.getCurrentUrl();
    browser.get(tenantPage + "/plan");
    browser.findElement(By.cssSelector("#plan option[value=tiny]")).click();
    Chromium.submit(browser, browser.findElement(By.id("assign-plan")));
    browser.get(tenantPage);
    assertTrue(browser.findElement(By.tagName("dl")).getText().contains("tiny"));

    // Over its decision quota, a visitor's decision is still recorded.
    assertEquals(201, decide());

    // The owner may not add a second site on this plan, and is told why.
    browser.manage().deleteAllCookies();
    signIn(OWNER, OWNER_PASSWORD, "/admin/sites");
    browser.findElement(By.id("key")).sendKeys("harbour-two");
    browser.findElement(By.id("name")).sendKeys("A second site");
    browser.findElement(By.id("domains")).sendKeys("two.harbour.example");
    Chromium.submit(browser, browser.findElement(By.cssSelector("form.grid button[type=submit]")));
    String refusal = browser.findElement(By.tagName("main")).getText();
    assertTrue(refusal.contains("max-sites"), refusal);
    assertTrue(refusal.contains("tiny"), refusal);
    Chromium.keep(browser, "plan-limit-refused");

    // The operator suspends the tenant.
    browser.manage().deleteAllCookies();
    signIn(OPERATOR, OPERATOR_PASSWORD, "/admin/platform");
    browser.get(tenantPage);
    Chromium.submit(browser, browser.findElement(By.id("suspend")));
    browser.get(base + "admin/platform");
    awaitRow(row -> row.startsWith("Harbour News") && row.endsWith("|Suspended"));

    // Its banner still shows and records; its owner reads but changes nothing.
    visitorSeesTheBanner();
    assertEquals(201, decide());
    browser.manage().deleteAllCookies();
    signIn(OWNER, OWNER_PASSWORD, "/admin/sites");
    assertTrue(browser.findElement(By.id("tenant-suspended")).isDisplayed());
    browser.get(base + "admin/sites/" + siteId + "/cookies");
    assertTrue(
        browser.findElements(By.cssSelector("main form[method=post]")).isEmpty(),
        "no form that changes anything");
    Chromium.keep(browser, "suspended-tenant-owner");
    given()
        .get("/v1/sites/" + SITE + "/banner.js")
        .then()
        .statusCode(200)
        .contentType("text/javascript");
  }

  /** A page of the tenant's site shows the banner, which reports the showing. */
  private void visitorSeesTheBanner() {
    given()
        .header("Origin", "https://" + DOMAIN)
        // A beacon's body type; not a form, which the back office's CSRF check would expect.
        .contentType("text/plain")
        .post("/v1/sites/" + SITE + "/impressions")
        .then()
        .statusCode(204);
  }

  private int decide() {
    return given()
        .contentType("application/json")
        .header("Origin", "https://" + DOMAIN)
        .body("{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\"}")
        .post("/v1/sites/" + SITE + "/consents")
        .statusCode();
  }

  private long createSite(String key) {
    browser.get(base + "admin/sites");
    browser.findElement(By.id("key")).sendKeys(key);
    browser.findElement(By.id("name")).sendKeys("Harbour News website");
    browser.findElement(By.id("domains")).sendKeys(DOMAIN);
    Chromium.submit(browser, browser.findElement(By.cssSelector("form.grid button[type=submit]")));
    awaitUrl("done=site-created");
    Matcher id = Pattern.compile("/admin/sites/(\\d+)").matcher(browser.getCurrentUrl());
    assertTrue(id.find(), browser.getCurrentUrl());
    return Long.parseLong(id.group(1));
  }

  /** Reloads the console until a row of its tenants table, as {@link #rowText}, matches. */
  private void awaitRow(Predicate<String> matches) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .pollingEvery(Duration.ofSeconds(1))
        .until(
            d -> {
              d.navigate().refresh();
              return d.findElements(By.cssSelector("#tenants tbody tr")).stream()
                  .map(OperatorJourneyBrowserTest::rowText)
                  .anyMatch(matches);
            });
  }

  /** A row as {@code name|sites\nviews\ndecisions|state}. */
  private static String rowText(WebElement row) {
    List<WebElement> cells = row.findElements(By.cssSelector("th, td"));
    return cells.get(0).getText()
        + "|"
        + String.join("\n", cells.get(3).getText(), cells.get(4).getText(), cells.get(5).getText())
        + "|"
        + cells.get(2).getText();
  }

  private void signIn(String email, String password, String landing) {
    browser.get(base + "admin/login");
    browser.findElement(By.id("j_username")).sendKeys(email);
    browser.findElement(By.id("j_password")).sendKeys(password);
    browser.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
    new WebDriverWait(browser, WAIT)
        .withMessage(
            () ->
                email
                    + " did not land on "
                    + landing
                    + " but on "
                    + browser.getCurrentUrl()
                    + ": "
                    + browser.findElement(By.tagName("body")).getText())
        .until(d -> d.getCurrentUrl().endsWith(landing));
  }

  private void awaitUrl(String part) {
    new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains(part));
  }
}
