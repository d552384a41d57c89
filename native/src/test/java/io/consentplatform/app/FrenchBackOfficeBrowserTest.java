package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A French-speaking city's day in the back office, in a real Chromium: sign in, switch the back
 * office to French, edit a cookie and publish, every page in French; the visitors' policy page
 * keeps the site's own language rules.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class FrenchBackOfficeBrowserTest {

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
  void shouldEditACookieAndPublishEntirelyInFrench() {
    member("editrice@cary.example", Role.EDITOR);
    browser.get(base + "admin");
    awaitUrl("/admin/login");
    assertEquals("en", lang(), "a browser that asks for nothing gets English");
    browser.findElement(By.id("j_username")).sendKeys("editrice@cary.example");
    browser.findElement(By.id("j_password")).sendKeys("pw-editrice@cary.example");
    browser.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
    awaitUrl("/admin/sites");

    browser.findElement(By.cssSelector("form.language button[value=fr]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "fr".equals(lang()));
    assertTrue(browser.getCurrentUrl().endsWith("/admin/sites"), "the same page, in French");
    assertEquals("Sites", browser.findElement(By.tagName("h1")).getText());
    assertEquals("Se déconnecter", browser.findElement(By.cssSelector(".who #sign-out")).getText());
    Chromium.keep(browser, "back-office-fr-sites");

    browser.findElement(By.linkText("Town of Cary open data portal")).click();
    assertEquals("fr", lang());
    assertEquals("Les 30 derniers jours", browser.findElement(By.id("figures")).getText());
    Chromium.keep(browser, "back-office-fr-dashboard");
    browser.findElement(By.linkText("Cookies")).click();
    browser.findElement(By.linkText("sessionid")).click();
    assertEquals("fr", lang());
    assertEquals(
        "Enregistrer dans le brouillon",
        browser.findElement(By.cssSelector("form.grid button[type=submit]")).getText());
    // The duration is edited on the French tab, and each language writes it in its own words.
    browser.findElement(By.id("retentionAmount")).clear();
    browser.findElement(By.cssSelector("#retentionUnit option[value=SESSION]")).click();
    Chromium.keep(browser, "back-office-fr-cookie-edit");
    browser.findElement(By.cssSelector("form.grid button[type=submit]")).click();
    awaitUrl("done=cookie-saved");

    assertEquals(
        "Le cookie a été enregistré dans le brouillon.",
        browser.findElement(By.cssSelector(".notice")).getText());
    browser.findElement(By.linkText("Versions")).click();
    assertEquals("fr", lang());
    assertTrue(
        browser
            .findElement(By.cssSelector(".changes"))
            .getText()
            // WebDriver reads the no-break space before the colon as a plain space.
            .contains("Cookie modifié : sessionid@"),
        browser.findElement(By.cssSelector(".changes")).getText());
    browser.findElement(By.name("confirm")).click();
    Chromium.keep(browser, "back-office-fr-versions");
    browser.findElement(By.cssSelector("form.publish button")).click();
    awaitUrl("done=published");

    assertEquals("fr", lang());
    assertTrue(
        browser
            .findElement(By.cssSelector(".notice"))
            .getText()
            .startsWith("La nouvelle version est publiée"));
    Chromium.keep(browser, "back-office-fr-published");
    browser.get(base + "sites/townofcary/cookie-policy");
    assertEquals("en", lang(), "the visitors' page follows the site's languages, not the cookie");
    WebElement english = browser.findElement(By.cssSelector("#category-necessary tbody tr"));
    assertTrue(english.getText().contains("sessionid"), english.getText());
    assertEquals(
        "Session",
        english.findElements(By.cssSelector("td")).get(3).getText(),
        "edited on the French tab, the retention still reads in English here");
    browser.get(base + "sites/townofcary/cookie-policy?lang=fr");
    assertEquals(
        "Durée de la session",
        browser
            .findElement(By.cssSelector("#category-necessary tbody tr"))
            .findElements(By.cssSelector("td"))
            .get(3)
            .getText());
  }

  private String lang() {
    return browser.findElement(By.tagName("html")).getAttribute("lang");
  }

  private void awaitUrl(String part) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
  }

  private void member(String email, Role role) {
    DemoMembers.add(email, role);
  }
}
