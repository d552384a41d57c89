package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A tenant's day in the back office, in a real Chromium: sign in with a local account, declare a
 * cookie, publish, and find it on the public cookie policy page; a viewer sees no edit controls.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BackOfficeBrowserTest {

  @Inject LocalAccounts accounts;

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
    screenshot("back-office-sites");

    browser.findElement(By.linkText("Town of Cary open data portal")).click();
    screenshot("back-office-dashboard");
    browser.findElement(By.linkText("Cookies")).click();
    browser.findElement(By.id("name")).sendKeys("_pk_id");
    browser.findElement(By.cssSelector("#category option[value=statistics]")).click();
    browser.findElement(By.id("retention")).sendKeys("13 months");
    browser.findElement(By.id("functionAndLocation")).sendKeys("Audience measurement (all pages)");
    browser.findElement(By.id("purposes")).sendKeys("To count visits anonymously");
    screenshot("back-office-cookies");
    browser.findElement(By.cssSelector("form.grid button[type=submit]")).click();
    awaitUrl("done=cookie-added");

    assertEquals(
        "The cookie was added to the draft.",
        browser.findElement(By.cssSelector(".notice")).getText());
    browser.findElement(By.linkText("publish a new version")).click();
    assertTrue(
        browser.findElement(By.cssSelector(".changes")).getText().contains("Cookie added: _pk_id"));
    screenshot("back-office-versions");
    browser.findElement(By.name("confirm")).click();
    browser.findElement(By.cssSelector("form.publish button")).click();
    awaitUrl("done=published");
    screenshot("back-office-published");
    assertTrue(
        browser
            .findElement(By.cssSelector(".notice"))
            .getText()
            .startsWith("The new version is published"));

    browser.get(base + "sites/townofcary/cookie-policy");
    assertTrue(browser.findElement(By.id("category-statistics")).getText().contains("_pk_id"));
    assertTrue(browser.findElement(By.cssSelector("footer")).getText().contains("Version 2"));
    screenshot("public-policy-after-publish");
  }

  @Test
  void shouldShowAViewerNoEditControls() {
    member("viewer@cary.example", Role.VIEWER);
    signIn("viewer@cary.example");

    browser.findElement(By.linkText("Cookies")).click();

    assertTrue(
        browser.findElements(By.cssSelector("form[method=post]")).isEmpty(),
        "no form that changes anything");
    assertTrue(browser.findElements(By.id("name")).isEmpty());
    screenshot("back-office-viewer");
  }

  private void signIn(String email) {
    browser.get(base + "admin");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/admin/login"));
    screenshot("back-office-sign-in");
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
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              accounts.create(email, "pw-" + email);
              TenantMember member = new TenantMember();
              member.tenant = Site.findByKey("townofcary").orElseThrow().tenant;
              member.subject = LocalAccount.subjectOf(email);
              member.email = email;
              member.role = role;
              member.persist();
            });
  }

  private void screenshot(String name) {
    Chromium.screenshot(browser, Path.of("target/screenshots/" + name + ".png"));
  }
}
