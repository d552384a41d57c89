package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.MemberService;
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
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in and managing members in a real Chromium: a wrong password shows the form again, and a
 * refusal stays inside the back office with a way back; removing someone asks first.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class MemberPagesBrowserTest {

  private static final String WRONG_SIGN_IN = "That e-mail and password do not match an account.";

  @Inject LocalAccounts accounts;
  @Inject MemberService members;

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
  void shouldShowTheSignInFormAgainAfterAWrongPasswordWithoutSayingWhichPartWasWrong() {
    DemoMembers.add("typo@cary.example", Role.EDITOR);

    submitSignIn("typo@cary.example", "not-the-password");
    assertEquals(WRONG_SIGN_IN, browser.findElement(By.cssSelector("[role=alert]")).getText());
    assertFalse(browser.getPageSource().contains("\"status\""), "no problem document");
    assertTrue(browser.findElement(By.id("j_password")).isDisplayed(), "the form is there again");
    Chromium.keep(browser, "sign-in-wrong-password");

    submitSignIn("nobody@cary.example", "whatever-it-is");
    assertEquals(
        WRONG_SIGN_IN,
        browser.findElement(By.cssSelector("[role=alert]")).getText(),
        "an unknown address gets the same answer");

    browser.manage().addCookie(new Cookie("admin_lang", "fr", "/admin"));
    submitSignIn("typo@cary.example", "not-the-password");
    assertEquals(
        "Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.",
        browser.findElement(By.cssSelector("[role=alert]")).getText());

    submitSignIn("typo@cary.example", "pw-typo@cary.example");
    awaitUrl("/admin/sites");
  }

  @Test
  void shouldSayThatPasswordsCannotBeResetWhenThePlatformSendsNoMail() {
    browser.get(base + "admin/login");
    browser.findElement(By.linkText("Forgot your password?")).click();
    assertTrue(
        browser
            .findElement(By.tagName("main"))
            .getText()
            .contains("This platform sends no e-mail"));
    assertTrue(browser.findElements(By.id("email")).isEmpty(), "no form that would do nothing");
  }

  @Test
  void shouldKeepTheLastOwnerAndSayWhyInsideTheBackOffice() {
    String owner = "solo-owner@solo.example";
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              accounts.create(owner, "pw-" + owner);
              members.createTenant(
                  "test", "solo", "Solo association", LocalAccount.subjectOf(owner), owner);
            });
    long ownerId = memberId("solo", owner);
    signIn(owner);

    browser.get(base + "admin/members");
    browser.findElement(By.cssSelector("#role-" + ownerId + " option[value=EDITOR]")).click();
    browser
        .findElement(By.cssSelector("form[action='/admin/members/" + ownerId + "/role'] button"))
        .click();
    assertRefusedInsideTheBackOffice();
    Chromium.keep(browser, "last-owner-demoted");

    browser.findElement(By.linkText("Back to the members")).click();
    awaitUrl("/admin/members");
    browser.findElement(By.cssSelector("a[href='/admin/members/" + ownerId + "/remove']")).click();
    browser.findElement(By.id("confirm-remove")).click();
    assertRefusedInsideTheBackOffice();
    assertEquals(Role.OWNER, role("solo", owner), "still the owner");
  }

  @Test
  void shouldAskBeforeRemovingAMember() {
    DemoMembers.add("remover@cary.example", Role.OWNER);
    DemoMembers.add("leaving@cary.example", Role.VIEWER);
    long leaving = memberId("town-of-cary", "leaving@cary.example");
    signIn("remover@cary.example");
    browser.get(base + "admin/members");

    browser.findElement(By.cssSelector("a[href='/admin/members/" + leaving + "/remove']")).click();
    assertEquals("Remove leaving@cary.example?", browser.findElement(By.tagName("h1")).getText());
    Chromium.keep(browser, "member-remove-confirmation");
    browser.findElement(By.linkText("Cancel")).click();
    awaitUrl("/admin/members");
    assertEquals(Role.VIEWER, role("town-of-cary", "leaving@cary.example"), "nothing removed");

    browser.findElement(By.cssSelector("a[href='/admin/members/" + leaving + "/remove']")).click();
    browser.findElement(By.id("confirm-remove")).click();
    awaitUrl("done=member-removed");
    assertEquals(
        "The member was removed.", browser.findElement(By.cssSelector(".notice")).getText());
    assertEquals(null, role("town-of-cary", "leaving@cary.example"));
  }

  /** The refusal of the last owner's change: its message, the frame around it, a way back. */
  private void assertRefusedInsideTheBackOffice() {
    // The answer replaces the page the form was on: a heading found just before may go stale.
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.tagName("h1")).getText().equals("The tenant needs an owner"));
    assertTrue(
        browser
            .findElement(By.cssSelector("[role=alert]"))
            .getText()
            .contains("Make another member an owner first"));
    WebElement nav = browser.findElement(By.cssSelector("header nav"));
    assertTrue(nav.findElements(By.cssSelector("a[href='/admin/members']")).size() == 1);
    assertTrue(
        browser.findElement(By.cssSelector("header .who")).getText().contains("Solo association"));
    assertEquals(
        base + "admin/members",
        browser.findElement(By.linkText("Back to the members")).getAttribute("href"));
  }

  private void submitSignIn(String email, String password) {
    browser.get(base + "admin/login");
    browser.findElement(By.id("j_username")).sendKeys(email);
    browser.findElement(By.id("j_password")).sendKeys(password);
    browser.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().endsWith("/j_security_check"));
  }

  private void signIn(String email) {
    submitSignIn(email, "pw-" + email);
    awaitUrl("/admin/sites");
  }

  private void awaitUrl(String part) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
  }

  private static long memberId(String tenant, String email) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                TenantMember.<TenantMember>find(
                        "tenant.slug = ?1 and subject = ?2", tenant, LocalAccount.subjectOf(email))
                    .firstResult()
                    .id);
  }

  private static Role role(String tenant, String email) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                TenantMember.<TenantMember>find(
                        "tenant.slug = ?1 and subject = ?2", tenant, LocalAccount.subjectOf(email))
                    .firstResultOptional()
                    .map(m -> m.role)
                    .orElse(null));
  }
}
