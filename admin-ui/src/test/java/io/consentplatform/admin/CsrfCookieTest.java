package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The back office's CSRF cookie is signed: a value someone planted in the browser, however well it
 * matches the form's field, is refused, while the token the platform gave stays valid from page to
 * page (a second tab does not invalidate the first one's form).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class CsrfCookieTest {

  @Inject LocalAccounts accounts;

  private static long site;

  @BeforeEach
  void people() {
    if (site == 0) {
      site = SiteFixture.create("csrf-site");
      for (String who : new String[] {"planted", "tabs", "sized"}) {
        BackOffice.person(accounts, who + "@csrf.example", site, Role.OWNER);
      }
    }
  }

  @Test
  void shouldRefuseAFormWhoseCookieAndTokenSomeonePlanted() {
    BackOffice person = BackOffice.signIn("planted@csrf.example");
    // The shape of token the platform used to take: sixteen bytes, chosen by the attacker.
    signOutWith(person, Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]))
        .then()
        .statusCode(400);
    person.page("/admin/sites", 200); // still signed in: the forged sign-out did nothing
  }

  @Test
  void shouldRefuseAPlantedValueOfTheNewLengthToo() {
    BackOffice person = BackOffice.signIn("sized@csrf.example");
    byte[] bytes = new byte[32];
    bytes[0] = 1;
    signOutWith(person, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
        .then()
        .statusCode(400);
    person.page("/admin/sites", 200);
  }

  @Test
  void shouldKeepTheSameTokenFromPageToPage() {
    BackOffice person = BackOffice.signIn("tabs@csrf.example");
    Response first = person.request().when().get("/admin/sites");
    String cookie = first.getCookie("cp_csrf");
    assertNotNull(cookie, "the first page gives a token");
    String firstToken =
        Jsoup.parse(first.asString()).select("input[name=csrf-token]").first().attr("value");
    assertEquals(cookie, firstToken);

    // A second tab: the browser sends the cookie it has and keeps it (at most renewed as it is).
    Response second = person.request().cookie("cp_csrf", cookie).when().get("/admin/sites");
    String renewed = second.getCookie("cp_csrf");
    assertTrue(renewed == null || renewed.equals(cookie), "a valid token is kept: " + renewed);

    // The first tab's form still goes through.
    signOutWith(person, firstToken).then().statusCode(303);
  }

  /** The sign-out form posted with {@code token} as both its field and its cookie. */
  private static Response signOutWith(BackOffice person, String token) {
    return person
        .request()
        .cookie("cp_csrf", token)
        .formParam("csrf-token", token)
        .when()
        .post("/admin/logout");
  }
}
