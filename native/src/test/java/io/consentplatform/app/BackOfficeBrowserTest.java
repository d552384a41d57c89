package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A tenant's day in the back office, in a real Chromium: sign in with a local account, declare a
 * cookie, publish, and find it on the public cookie policy page; a viewer sees no edit controls.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BackOfficeBrowserTest {

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
  void shouldDeclareACookieAndPublishItToThePublicPolicyPage() {
    member("editor@cary.example", Role.EDITOR);
    signIn("editor@cary.example");
    Chromium.keep(browser, "back-office-sites");

    browser.findElement(By.linkText("Town of Cary open data portal")).click();
    Chromium.keep(browser, "back-office-dashboard");
    browser.findElement(By.linkText("Cookies")).click();
    browser.findElement(By.id("name")).sendKeys("_pk_id");
    browser.findElement(By.cssSelector("#category option[value=statistics]")).click();
    WebElement amount = browser.findElement(By.id("retentionAmount"));
    amount.clear();
    amount.sendKeys("13");
    browser.findElement(By.cssSelector("#retentionUnit option[value=MONTHS]")).click();
    browser.findElement(By.id("functionAndLocation")).sendKeys("Audience measurement (all pages)");
    browser.findElement(By.id("purposes")).sendKeys("To count visits anonymously");
    Chromium.keep(browser, "back-office-cookies");
    browser.findElement(By.cssSelector("form.grid button[type=submit]")).click();
    awaitUrl("done=cookie-added");

    assertEquals(
        "The cookie was added to the draft.",
        browser.findElement(By.cssSelector(".notice")).getText());
    browser.findElement(By.linkText("publish a new version")).click();
    assertTrue(
        browser.findElement(By.cssSelector(".changes")).getText().contains("Cookie added: _pk_id"));
    Chromium.keep(browser, "back-office-versions");
    browser.findElement(By.name("confirm")).click();
    browser.findElement(By.cssSelector("form.publish button")).click();
    awaitUrl("done=published");
    Chromium.keep(browser, "back-office-published");
    assertTrue(
        browser
            .findElement(By.cssSelector(".notice"))
            .getText()
            .startsWith("The new version is published"));

    browser.get(base + "sites/townofcary/cookie-policy");
    assertTrue(browser.findElement(By.id("category-statistics")).getText().contains("_pk_id"));
    assertTrue(browser.findElement(By.cssSelector("footer")).getText().contains("Version 2"));
    Chromium.keep(browser, "public-policy-after-publish");
  }

  @Test
  void shouldShowAViewerNoEditControls() {
    member("viewer@cary.example", Role.VIEWER);
    signIn("viewer@cary.example");

    browser.findElement(By.linkText("Cookies")).click();

    assertTrue(
        browser.findElements(By.cssSelector("main form[method=post]")).isEmpty(),
        "no form that changes anything");
    assertTrue(browser.findElements(By.id("name")).isEmpty());
    Chromium.keep(browser, "back-office-viewer");

    // Posting directly, with a valid CSRF token taken from the browser's own cookie, is refused.
    String token = browser.manage().getCookieNamed("cp_csrf").getValue();
    Object status =
        browser.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "var body = new URLSearchParams({'csrf-token': arguments[0], name: 'forged',"
                + " category: 'statistics', provider: 'Opendatasoft', retention: '1 day',"
                + " party: 'FIRST_PARTY', functionAndLocation: 'x', purposes: 'y'});"
                + "fetch(location.pathname, {method: 'POST', body: body}).then(r => done(r.status));",
            token);
    assertEquals(403L, status);
    browser.navigate().refresh();
    // The cookie table of the reloaded page; still signed in, so the refusal ended no session.
    WebElement table =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(d -> d.findElements(By.tagName("tbody")).stream().findFirst().orElse(null));
    assertFalse(table.getText().contains("forged"));
  }

  @Test
  void shouldPreviewBannerTextsAsTheyAreTypedAndSaveThem() {
    member("writer@cary.example", Role.EDITOR);
    signIn("writer@cary.example");
    browser.findElement(By.linkText("Town of Cary open data portal")).click();
    browser.findElement(By.linkText("Banner texts")).click();
    WebElement title = browser.findElement(By.id("bannerTitle"));
    assertEquals("Your choice about cookies", title.getAttribute("placeholder"));
    awaitPreview("#cp-title", "Your choice about cookies");

    title.sendKeys("Cookies on the open-data portal");
    awaitPreview("#cp-title", "Cookies on the open-data portal");
    assertEquals(
        "bannerTitle",
        browser.switchTo().activeElement().getAttribute("id"),
        "the preview leaves the focus in the field being typed");
    browser.findElement(By.id("preview-settings")).click();
    awaitPreview(".cp-categories", "Statistical cookies");
    Chromium.keep(browser, "back-office-banner-texts");
    browser.findElement(By.cssSelector("form[data-preview] button[type=submit]")).click();
    awaitUrl("done=texts-saved");

    assertEquals(
        "Cookies on the open-data portal",
        browser.findElement(By.id("bannerTitle")).getAttribute("value"));
    awaitPreview("#cp-title", "Cookies on the open-data portal");
  }

  @Test
  void shouldPreviewTheBannerLookAsItIsTyped() {
    member("stylist@cary.example", Role.EDITOR);
    signIn("stylist@cary.example");
    browser.findElement(By.linkText("Town of Cary open data portal")).click();
    browser.findElement(By.linkText("Banner look")).click();
    awaitPreview("#cp-title", "Your choice about cookies");

    browser.findElement(By.cssSelector("#layout option[value=BAR]")).click();
    browser.findElement(By.id("background")).sendKeys("#102030");
    browser.findElement(By.id("text")).sendKeys("#ffffff");
    browser.findElement(By.id("accent")).sendKeys("#ffd166");
    browser.findElement(By.id("accentText")).sendKeys("#102030");
    browser.findElement(By.id("radius")).sendKeys("0");

    // Nothing saved: the preview's banner wears what is typed.
    Chromium.awaitInFrame(
        browser,
        "banner-preview",
        d ->
            d.findElements(By.cssSelector(".cp-banner.cp-bar")).stream()
                .anyMatch(b -> b.getCssValue("background-color").equals("rgba(16, 32, 48, 1)")));
    Chromium.screenshot(browser, Path.of("/work/shots/18-theme-editor.png"));
    Chromium.keep(browser, "back-office-banner-look");
  }

  @Test
  void shouldImportACsvFileOnlyAfterShowingWhatItChanges() throws IOException {
    member("importer@cary.example", Role.EDITOR);
    signIn("importer@cary.example");
    Path file = Files.createTempFile("hotjar", ".csv");
    Files.writeString(
        file,
        "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,"
            + "Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n"
            + ",Hotjar,Analytics,_hjSessionUser_,,Identifies a visitor's session,1 year,Hotjar,"
            + "https://www.hotjar.com/legal/policies/privacy/,1\n");
    browser.findElement(By.linkText("Town of Cary open data portal")).click();
    browser.findElement(By.linkText("Cookies")).click();
    browser.findElement(By.linkText("Import a CSV file")).click();
    browser.findElement(By.id("file")).sendKeys(file.toString());
    browser.findElement(By.cssSelector("form[data-progress] button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector(".import-changes")).isEmpty());

    assertEquals(
        "_hjSessionUser_", browser.findElement(By.cssSelector(".import-changes code")).getText());
    Chromium.keep(browser, "back-office-import-preview");
    browser.findElement(By.cssSelector("form.publish button[type=submit]")).click();
    awaitUrl("done=imported");

    assertTrue(
        browser.findElement(By.cssSelector("tbody")).getText().contains("_hjSessionUser_*"),
        "the imported cookie is listed, as a prefix");
  }

  @Test
  void shouldFitTheScreenWithoutSidewaysScrollingAndWorkFromTheKeyboard() {
    member("owner@cary.example", Role.OWNER);
    signIn("owner@cary.example");
    browser.findElement(By.linkText("Town of Cary open data portal")).click();
    String site = browser.getCurrentUrl();
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertEquals("Skip to content", browser.switchTo().activeElement().getText());

    for (Dimension screen : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
      browser.manage().window().setSize(screen);
      for (String page :
          List.of(
              "",
              "/cookies",
              "/scans",
              "/categories",
              "/providers",
              "/texts",
              "/theme",
              "/regions",
              "/versions",
              "/consents",
              "/settings")) {
        browser.get(site + page);
        Number overflow =
            (Number)
                browser.executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(
            overflow.intValue() <= 0,
            page + " scrolls sideways by " + overflow + " px at " + screen.getWidth() + " px");
        if (screen.getWidth() < 500) {
          Chromium.keep(
              browser, "phone" + (page.isEmpty() ? "-dashboard" : page.replace('/', '-')));
        }
      }
    }
    browser.get(base + "admin/members");
    Chromium.keep(browser, "phone-members");
  }

  /** Waits until an element of the banner in the preview frame shows {@code text}. */
  private void awaitPreview(String css, String text) {
    Chromium.awaitInFrame(browser, "banner-preview", css, text);
  }

  private void signIn(String email) {
    browser.get(base + "admin");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/admin/login"));
    Chromium.keep(browser, "back-office-sign-in");
    browser.findElement(By.id("j_username")).sendKeys(email);
    browser.findElement(By.id("j_password")).sendKeys("pw-" + email);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/admin/sites"));
  }

  private void awaitUrl(String part) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
  }

  private void member(String email, Role role) {
    DemoMembers.add(email, role);
  }
}
