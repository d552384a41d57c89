package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantIsolation;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.NewMember;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.GreenMailResource;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Inviting a member with a local account, end to end: the owner adds them, the link arrives by
 * e-mail at a real SMTP server (GreenMail), the person chooses a password in Chromium and signs in
 * with it. A link works once, not after it expires, and only for the tenant that made it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(GreenMailResource.class)
class InvitationBrowserTest {

  private static final String OWNER = "inviter@cary.example";
  private static final String UNUSABLE = "This link cannot be used";

  @Inject LocalAccounts accounts;
  @Inject MemberService members;
  @Inject EntityManager entityManager;

  @TestHTTPResource("/")
  URL base;

  private ChromeDriver browser;

  @BeforeEach
  void open() {
    browser = Chromium.start();
    if (!accounts.exists(OWNER)) {
      DemoMembers.add(OWNER, Role.OWNER);
    }
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  @Test
  void shouldMailAnInvitationWhoseLinkSetsThePasswordOnce() throws Exception {
    signIn(OWNER, "pw-" + OWNER);
    browser.get(base + "admin/members");
    browser.findElement(By.id("subject")).sendKeys("local:newbie@cary.example");
    browser.findElement(By.id("email")).sendKeys("newbie@cary.example");
    browser.findElement(By.cssSelector("#role option[value=EDITOR]")).click();
    Chromium.submit(
        browser, browser.findElement(By.cssSelector("form[action='/admin/members'] button")));

    String shown = browser.findElement(By.id("invitation-link")).getText();
    assertTrue(shown.startsWith(base + "admin/link/"), shown);
    assertEquals(
        "It was also sent by e-mail to newbie@cary.example.",
        browser.findElement(By.id("invitation-mail")).getText());
    assertTrue(
        browser.findElement(By.cssSelector("button[data-copy=invitation-link]")).isDisplayed(),
        "a copy button");
    Chromium.keep(browser, "invitation-shown-once");

    MimeMessage mail = Mailbox.newestTo("newbie@cary.example");
    assertEquals("You are invited to the Consent Platform of Town of Cary", mail.getSubject());
    assertEquals(GreenMailResource.FROM, mail.getFrom()[0].toString());
    String link = Mailbox.linkIn(mail, "/admin/link/");
    assertEquals(shown, link, "the mail carries the link the owner saw");

    browser.get(base + "admin/members");
    assertTrue(rowOf("newbie@cary.example").contains("invited, link valid until"));

    browser.manage().deleteAllCookies();
    browser.get(link);
    assertEquals("Choose your password", browser.findElement(By.tagName("h1")).getText());
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("Town of Cary"));
    choosePassword("correct horse battery", "correct horse battry");
    assertEquals(
        "The two passwords differ: type the same one twice.",
        browser.findElement(By.id("password-error")).getText());
    assertFalse(accounts.exists("newbie@cary.example"), "nothing set on a refusal");
    choosePassword("correct horse battery", "correct horse battery");
    awaitUrl("done=password-set");
    assertEquals(
        "Your password is set: sign in with it.",
        browser.findElement(By.cssSelector(".notice")).getText());

    signIn("newbie@cary.example", "correct horse battery");
    browser.get(base + "admin/members");
    assertTrue(
        browser.findElement(By.cssSelector(".who")).getText().contains("newbie@cary.example"));

    browser.manage().deleteAllCookies();
    browser.get(link);
    assertEquals(UNUSABLE, browser.findElement(By.tagName("h1")).getText(), "used once only");
    assertTrue(browser.findElements(By.id("password")).isEmpty());
    Chromium.keep(browser, "invitation-used-twice");
  }

  @Test
  void shouldRefuseAnExpiredLinkUntilTheOwnerMakesANewOne() throws Exception {
    Caller owner = members.callerFor(LocalAccount.subjectOf(OWNER), "town-of-cary");
    String first =
        members
            .addAndInvite(
                owner, new NewMember("local:late@cary.example", "late@cary.example", Role.VIEWER))
            .invitation()
            .orElseThrow()
            .url(base.toString());
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update one_time_link set expires_at = now() - interval '1 second'"
                            + " where email = 'late@cary.example'")
                    .executeUpdate());

    browser.get(first);
    assertEquals(UNUSABLE, browser.findElement(By.tagName("h1")).getText());
    Chromium.keep(browser, "invitation-expired");

    signIn(OWNER, "pw-" + OWNER);
    browser.get(base + "admin/members");
    Chromium.submit(
        browser,
        browser.findElement(
            By.cssSelector("button[aria-label='New invitation link for late@cary.example']")));
    String second = browser.findElement(By.id("invitation-link")).getText();
    assertEquals(
        second, Mailbox.linkIn(Mailbox.newestTo("late@cary.example"), "/admin/link/"), "mailed");
    browser.manage().deleteAllCookies();
    browser.get(second);
    assertEquals("Choose your password", browser.findElement(By.tagName("h1")).getText());
  }

  @Test
  void shouldKeepAnInvitationToItsTenant() {
    Caller cary = members.callerFor(LocalAccount.subjectOf(OWNER), "town-of-cary");
    members.addAndInvite(
        cary, new NewMember("local:private@cary.example", "private@cary.example", Role.VIEWER));
    String otherOwner = "owner@other.example";
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              accounts.create(otherOwner, "pw-" + otherOwner);
              members.createTenant(
                  "test",
                  "other-town",
                  "Other town",
                  LocalAccount.subjectOf(otherOwner),
                  otherOwner);
            });
    Caller other = members.callerFor(LocalAccount.subjectOf(otherOwner), "other-town");

    assertTrue(members.openInvitations(cary).containsKey("private@cary.example"));
    assertTrue(members.openInvitations(other).isEmpty(), "another tenant sees no invitation");
    assertEquals(0, linksSeenBy(other.tenantId()), "nor any row of them in the database");
    assertTrue(linksSeenBy(cary.tenantId()) > 0);
    long invited = memberId("town-of-cary", "private@cary.example");
    assertThrows(NotFound.class, () -> members.reinvite(other, invited), "nor makes new ones");

    // An account that has a password is never invited again: another tenant adding it cannot
    // choose its password.
    assertTrue(
        members
            .addAndInvite(other, new NewMember(LocalAccount.subjectOf(OWNER), OWNER, Role.OWNER))
            .invitation()
            .isEmpty());
  }

  @Test
  void shouldResetAForgottenPasswordByMailWithoutTellingWhichAddressesHaveAccounts()
      throws Exception {
    DemoMembers.add("forgetful@cary.example", Role.VIEWER);
    browser.get(base + "admin/login");
    browser.findElement(By.linkText("Forgot your password?")).click();
    browser.findElement(By.id("email")).sendKeys("forgetful@cary.example");
    Chromium.submit(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
    String answer = noticeText();

    browser.get(base + "admin/password-reset");
    browser.findElement(By.id("email")).sendKeys("stranger@cary.example");
    Chromium.submit(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
    assertEquals(answer, noticeText(), "same answer");

    MimeMessage mail = Mailbox.newestTo("forgetful@cary.example");
    assertEquals("Choose a new password for the Consent Platform", mail.getSubject());
    browser.get(Mailbox.linkIn(mail, "/admin/link/"));
    assertEquals("Choose a new password", browser.findElement(By.tagName("h1")).getText());
    choosePassword("a brand new passphrase", "a brand new passphrase");
    awaitUrl("done=password-set");
    signIn("forgetful@cary.example", "a brand new passphrase");
    assertFalse(accounts.verify("forgetful@cary.example", "pw-forgetful@cary.example"));
    assertTrue(
        GreenMailResource.received(0).stream()
            .noneMatch(m -> Mailbox.isFor(m, "stranger@cary.example")),
        "no mail to an address without an account");
  }

  private long linksSeenBy(long tenantId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              TenantIsolation.confine(entityManager, tenantId);
              return ((Number)
                      entityManager
                          .createNativeQuery("select count(*) from one_time_link")
                          .getSingleResult())
                  .longValue();
            });
  }

  private void choosePassword(String password, String again) {
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("confirmation")).sendKeys(again);
    Chromium.submit(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
  }

  private String rowOf(String email) {
    return browser.findElements(By.cssSelector("tbody tr")).stream()
        .filter(r -> r.getText().contains(email))
        .findFirst()
        .orElseThrow()
        .getText();
  }

  private void signIn(String email, String password) {
    browser.get(base + "admin/login");
    browser.findElement(By.id("j_username")).sendKeys(email);
    browser.findElement(By.id("j_password")).sendKeys(password);
    browser.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
    awaitUrl("/admin/sites");
  }

  /**
   * The answer page's notice. Read again while Chromium still swaps the document in (CI once saw
   * "Node with given id does not belong to the document" right after the submit had waited).
   */
  private String noticeText() {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(WebDriverException.class)
        .until(d -> d.findElement(By.cssSelector(".notice")).getText());
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
}
