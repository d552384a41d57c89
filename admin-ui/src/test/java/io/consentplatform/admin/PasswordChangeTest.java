package io.consentplatform.admin;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A signed-in person changes their own password: the old one, and every session, stop working. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PasswordChangeTest {

  private static final String NEW = "four unrelated words here";

  @Inject LocalAccounts accounts;

  private static long site;

  @BeforeEach
  void people() {
    if (site == 0) {
      site = SiteFixture.create("password-site");
      for (String who : new String[] {"changer", "typo", "short", "french", "guesser"}) {
        BackOffice.person(accounts, who + "@password.example", site, Role.EDITOR);
      }
    }
  }

  @Test
  void shouldChangeThePasswordAndEndEverySessionOfTheAccount() {
    BackOffice here = BackOffice.signIn("changer@password.example");
    BackOffice elsewhere = BackOffice.signIn("changer@password.example");
    assertEquals(
        "/admin/account/password",
        here.page("/admin/sites", 200).selectFirst(".who a#change-password").attr("href"));

    Response changed = change(here, "pw-changer@password.example", NEW, NEW);

    assertEquals(303, changed.statusCode());
    assertEquals("/admin/login?done=password-changed", path(changed.header("Location")));
    assertEquals("", changed.getCookie("cp_admin"));
    for (BackOffice session : new BackOffice[] {here, elsewhere}) {
      session
          .request()
          .when()
          .get("/admin/sites")
          .then()
          .statusCode(302)
          .header("Location", endsWith("/admin/login"));
    }
    assertEquals(
        "Your password is changed and your sessions have ended: sign in with the new password.",
        Jsoup.parse(io.restassured.RestAssured.get("/admin/login?done=password-changed").asString())
            .selectFirst("p.notice")
            .text());
    assertThrows(AssertionError.class, () -> BackOffice.signIn("changer@password.example"));
    BackOffice.signIn("changer@password.example", NEW).page("/admin/sites", 200);
  }

  @Test
  void shouldRefuseAWrongCurrentPasswordAndChangeNothing() {
    BackOffice person = BackOffice.signIn("typo@password.example");

    Response refused = change(person, "not-my-password", NEW, NEW);

    assertEquals(422, refused.statusCode());
    Document page = Jsoup.parse(refused.asString());
    assertEquals("true", page.selectFirst("input#current").attr("aria-invalid"));
    assertEquals("This is not your current password.", page.selectFirst("#current-error").text());
    person.page("/admin/sites", 200);
    BackOffice.signIn("typo@password.example").page("/admin/sites", 200);
    assertThrows(AssertionError.class, () -> BackOffice.signIn("typo@password.example", NEW));
  }

  @Test
  void shouldApplyThePasswordRulesAndMarkTheField() {
    BackOffice person = BackOffice.signIn("short@password.example");

    Response tooShort = change(person, "pw-short@password.example", "short", "short");
    assertEquals(422, tooShort.statusCode());
    Document page = Jsoup.parse(tooShort.asString());
    assertEquals("true", page.selectFirst("input#password").attr("aria-invalid"));
    assertEquals(
        "The password needs at least 10 characters.", page.selectFirst("#password-error").text());

    Response sameAsEmail =
        change(
            person,
            "pw-short@password.example",
            "short@password.example",
            "short@password.example");
    assertEquals(
        "The password cannot be your e-mail address.",
        Jsoup.parse(sameAsEmail.asString()).selectFirst("#password-error").text());

    Response differ = change(person, "pw-short@password.example", NEW, NEW + "!");
    assertEquals(422, differ.statusCode());
    Document differPage = Jsoup.parse(differ.asString());
    assertEquals("true", differPage.selectFirst("input#confirmation").attr("aria-invalid"));
    assertEquals(
        "The two passwords differ: type the same one twice.",
        differPage.selectFirst("#confirmation-error").text());

    // Nothing changed: the session and the old password still work.
    person.page("/admin/sites", 200);
    BackOffice.signIn("short@password.example").page("/admin/sites", 200);
  }

  @Test
  void shouldSayWhatIsWrongInFrench() {
    BackOffice person = BackOffice.signIn("french@password.example").speaking("fr");

    Document wrong = Jsoup.parse(change(person, "pas le bon", NEW, NEW).asString());
    assertEquals(
        "Ce n'est pas votre mot de passe actuel.", wrong.selectFirst("#current-error").text());
    Document tooShort =
        Jsoup.parse(change(person, "pw-french@password.example", "court", "court").asString());
    assertEquals(
        "Le mot de passe doit compter au moins 10 caractères.",
        tooShort.selectFirst("#password-error").text());
  }

  @Test
  void shouldThrottleGuessesOfTheCurrentPassword() {
    BackOffice person = BackOffice.signIn("guesser@password.example");
    for (int i = 0; i < 4; i++) {
      assertEquals(422, change(person, "guess-" + i, NEW, NEW).statusCode());
    }
    // The fourth wrong guess starts a delay: even the right password is not looked at.
    Response refused = change(person, "pw-guesser@password.example", NEW, NEW);
    assertEquals(429, refused.statusCode());
    assertTrue(Long.parseLong(refused.header("Retry-After")) > 0, refused.header("Retry-After"));
    assertEquals(
        "true", Jsoup.parse(refused.asString()).selectFirst("input#current").attr("aria-invalid"));
    // Nothing changed: the session still works.
    person.page("/admin/sites", 200);
  }

  private static Response change(
      BackOffice person, String current, String password, String confirmation) {
    return person.submit(
        "/admin/account/password",
        "/admin/account/password",
        Map.of("current", current, "password", password, "confirmation", confirmation));
  }

  private static String path(String location) {
    return location.replaceFirst("^https?://[^/]+", "");
  }
}
