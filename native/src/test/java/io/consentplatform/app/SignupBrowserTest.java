package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.access.TenantIsolation;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.signup.Signups;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Self-service sign-up, end to end in Chromium with a real SMTP server: the sign-in page links it,
 * the confirmation link arrives by mail, and following it with a password creates the tenant and
 * signs its new owner in on the first steps. Nothing exists before the confirmation; the answer is
 * the same for an address that has an account, whose own password then confirms.
 */
@QuarkusTest
@TestProfile(SignupProfile.class)
@WithTestResource(PostgresResource.class)
class SignupBrowserTest {

  private static final String CHECK_INBOX = "Check your inbox";
  private static final String UNUSABLE = "This link cannot be used";

  @Inject LocalAccounts accounts;
  @Inject Signups signups;
  @Inject EntityManager entityManager;

  @TestHTTPResource("/")
  URL base;

  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    browser = Chromium.start();
  }

  @AfterAll
  static void stop() {
    browser.quit();
  }

  @BeforeEach
  void signedOut() {
    browser.manage().deleteAllCookies();
  }

  @Test
  void shouldCreateTheTenantOnlyOnceTheMailedLinkIsFollowed() throws Exception {
    browser.get(base + "admin/login");
    browser.findElement(By.id("signup")).click();
    assertEquals("Create an organisation", browser.findElement(By.tagName("h1")).getText());
    ask("founder@newco.example", "Bäckerei Müller & Söhne");
    assertEquals(CHECK_INBOX, browser.findElement(By.tagName("h1")).getText());
    Chromium.keep(browser, "signup-sent");

    assertFalse(accounts.exists("founder@newco.example"), "no account before the confirmation");
    assertTrue(tenant("baeckerei-mueller-soehne").isEmpty());
    assertTrue(tenant("backerei-muller-sohne").isEmpty(), "no tenant before the confirmation");

    MimeMessage mail = Mailbox.newestTo("founder@newco.example");
    assertEquals(
        "Confirm the sign-up of Bäckerei Müller & Söhne to the Consent Platform",
        mail.getSubject());
    assertTrue(mail.getContent().toString().contains("choose your password"));
    String link = Mailbox.linkIn(mail, "/admin/signup/confirm/");
    assertTrue(link.startsWith(base + "admin/signup/confirm/"), link);

    browser.get(link);
    assertEquals("Confirm your sign-up", browser.findElement(By.tagName("h1")).getText());
    assertEquals(
        "Create Bäckerei Müller & Söhne with the account founder@newco.example: choose its"
            + " password.",
        browser.findElement(By.id("signup-intro")).getText());
    choosePassword("a long founding passphrase", "a long founding passphrse");
    assertEquals(
        "The two passwords differ: type the same one twice.",
        browser.findElement(By.id("password-error")).getText());
    assertFalse(accounts.exists("founder@newco.example"), "nothing created on a refusal");

    choosePassword("a long founding passphrase", "a long founding passphrase");
    awaitUrl("/admin/sites");
    assertTrue(
        browser.findElement(By.cssSelector(".who")).getText().contains("founder@newco.example"),
        "signed in");
    assertEquals("Your first steps", browser.findElement(By.id("first-steps-title")).getText());
    assertTrue(browser.findElement(By.id("add")).isDisplayed(), "the site form of an owner");
    Chromium.keep(browser, "signup-first-steps");

    Tenant created = tenant("backerei-muller-sohne").orElseThrow();
    assertEquals("Bäckerei Müller & Söhne", created.name);
    assertEquals(Role.OWNER, roleIn(created.id, "founder@newco.example"));
    assertTrue(actions(created.id).containsAll(List.of("create", "sign-up")), "audited");
    assertTrue(accounts.verify("founder@newco.example", "a long founding passphrase"));

    browser.manage().deleteAllCookies();
    browser.get(link);
    assertEquals(UNUSABLE, browser.findElement(By.tagName("h1")).getText(), "used once only");
  }

  @Test
  void shouldAnswerTheSameForAnAddressWithAnAccountWhosePasswordConfirms() throws Exception {
    DemoMembers.add("known@cary.example", Role.EDITOR);
    browser.get(base + "admin/signup");
    ask("known@cary.example", "Cary Parks");
    assertEquals(CHECK_INBOX, browser.findElement(By.tagName("h1")).getText());
    String known = browser.findElement(By.id("signup-sent")).getText();
    browser.get(base + "admin/signup");
    ask("unknown@cary.example", "Cary Libraries");
    assertEquals(known, browser.findElement(By.id("signup-sent")).getText(), "the same answer");

    MimeMessage mail = Mailbox.newestTo("known@cary.example");
    assertTrue(mail.getContent().toString().contains("the password of your account"));
    browser.get(Mailbox.linkIn(mail, "/admin/signup/confirm/"));
    assertEquals(
        "Create Cary Parks with your existing account known@cary.example: confirm with that"
            + " account's password.",
        browser.findElement(By.id("signup-intro")).getText());
    assertTrue(browser.findElements(By.id("confirmation")).isEmpty(), "no new password");
    browser.findElement(By.id("password")).sendKeys("not the password at all");
    Chromium.submit(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
    assertEquals(
        "That is not the password of this account.",
        browser.findElement(By.id("password-error")).getText());
    assertTrue(tenant("cary-parks").isEmpty(), "nothing created on a wrong password");

    browser.findElement(By.id("password")).sendKeys("pw-known@cary.example");
    Chromium.submit(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
    awaitUrl("/admin/sites");
    assertEquals("Your first steps", browser.findElement(By.id("first-steps-title")).getText());
    long parks = tenant("cary-parks").orElseThrow().id;
    assertEquals(Role.OWNER, roleIn(parks, "known@cary.example"));
    assertTrue(accounts.verify("known@cary.example", "pw-known@cary.example"), "unchanged");
  }

  @Test
  void shouldRefuseAnExpiredLink() throws Exception {
    String link =
        signups
            .request("late@newco.example", "Late Company", "en")
            .orElseThrow()
            .url(base.toString());
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update signup_request set expires_at = now() - interval '1 second'"
                            + " where email = 'late@newco.example'")
                    .executeUpdate());
    browser.get(link);
    assertEquals(UNUSABLE, browser.findElement(By.tagName("h1")).getText());
    browser.get(base + "admin/signup/confirm/not-a-token");
    assertEquals(UNUSABLE, browser.findElement(By.tagName("h1")).getText());
  }

  @Test
  void shouldMailAnAddressOnlyThreeTimesAnHour() {
    for (int i = 0; i < 3; i++) {
      assertTrue(signups.request("Eager@NewCo.example", "Eager " + i, "en").isPresent());
    }
    assertEquals(Optional.empty(), signups.request("eager@newco.example", "Eager 3", "en"));

    browser.get(base + "admin/signup");
    ask("eager@newco.example", "Eager 4");
    assertEquals(CHECK_INBOX, browser.findElement(By.tagName("h1")).getText(), "the same answer");
    assertEquals(3L, requestsOf("eager@newco.example"), "nothing recorded over the limit");
  }

  @Test
  void shouldRefuseAnInvalidFormKeepingWhatWasTyped() {
    browser.get(base + "admin/signup");
    ask("not an address", "");
    assertEquals(
        "Enter an e-mail address, such as name@example.org.",
        browser.findElement(By.id("email-error")).getText());
    assertEquals("not an address", browser.findElement(By.id("email")).getAttribute("value"));
    assertEquals(0L, requestsOf("not an address"));
    assertThrows(Rejected.class, () -> signups.request("a@b.example", " ", "en"));
  }

  private void ask(String email, String organisation) {
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("organisation")).sendKeys(organisation);
    Chromium.submit(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
  }

  private void choosePassword(String password, String again) {
    browser.findElement(By.id("password")).clear();
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("confirmation")).clear();
    browser.findElement(By.id("confirmation")).sendKeys(again);
    Chromium.submit(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
  }

  private void awaitUrl(String part) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
  }

  private static Optional<Tenant> tenant(String slug) {
    return QuarkusTransaction.requiringNew().call(() -> Tenant.findBySlug(slug));
  }

  private static Role roleIn(long tenantId, String email) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                TenantMember.<TenantMember>find(
                        "tenant.id = ?1 and subject = ?2", tenantId, LocalAccount.subjectOf(email))
                    .firstResult()
                    .role);
  }

  /** The actions of the tenant's audit trail, newest first. */
  @SuppressWarnings("unchecked")
  private List<String> actions(long tenantId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              TenantIsolation.confine(entityManager, tenantId);
              return (List<String>)
                  entityManager
                      .createNativeQuery(
                          "select action from audit_entry order by recorded_at desc, id desc")
                      .getResultList();
            });
  }

  private long requestsOf(String email) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "select count(*) from signup_request where lower(email) = ?1")
                            .setParameter(1, email)
                            .getSingleResult())
                    .longValue());
  }
}
