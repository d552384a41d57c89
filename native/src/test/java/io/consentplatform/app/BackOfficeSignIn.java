package io.consentplatform.app;

import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signs a person in to the back office through its own sign-in form, as they would. */
final class BackOfficeSignIn {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private BackOfficeSignIn() {}

  /** Signs in a person {@link DemoMembers} added, with the password it gave them. */
  static void demoMember(ChromeDriver browser, URL base, String email) {
    as(browser, base, email, "pw-" + email);
  }

  /** Opens the back office, is sent to the sign-in form, signs in and lands on the sites. */
  static void as(ChromeDriver browser, URL base, String email, String password) {
    browser.get(base + "admin");
    new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/admin/login"));
    browser.findElement(By.id("j_username")).sendKeys(email);
    browser.findElement(By.id("j_password")).sendKeys(password);
    browser.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
    new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/admin/sites"));
  }
}
