package io.consentplatform.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.OneTimeLink;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An owner makes a one-time link that sets a new password for a member of their tenant: shown once,
 * used once, ending the member's sessions; never for someone outside the tenant, nor for an account
 * that also works in another tenant.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class MemberResetTest {

  private static final String NEW = "a new passphrase for me";

  @Inject LocalAccounts accounts;

  private static long siteA;
  private static long siteB;

  @BeforeEach
  void people() {
    if (siteA == 0) {
      siteA = SiteFixture.create("reset-a");
      siteB = SiteFixture.create("reset-b");
      BackOffice.person(accounts, "owner@reset-a.example", siteA, Role.OWNER);
      BackOffice.person(accounts, "member@reset-a.example", siteA, Role.EDITOR);
      BackOffice.person(accounts, "editor@reset-a.example", siteA, Role.EDITOR);
      BackOffice.person(accounts, "shared@reset-a.example", siteA, Role.VIEWER);
      BackOffice.person(accounts, "owner@reset-b.example", siteB, Role.OWNER);
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                TenantMember alsoInB = new TenantMember();
                alsoInB.tenant = Site.<Site>findById(siteB).tenant;
                alsoInB.subject = LocalAccount.subjectOf("shared@reset-a.example");
                alsoInB.email = "shared@reset-a.example";
                alsoInB.role = Role.VIEWER;
                alsoInB.persist();
              });
    }
  }

  @Test
  void shouldShowALinkOnceThatSetsANewPasswordOnceAndEndsTheMembersSessions() {
    BackOffice member = BackOffice.signIn("member@reset-a.example");
    BackOffice owner = BackOffice.signIn("owner@reset-a.example");
    long id = memberId("member@reset-a.example", siteA);
    assertEquals(
        "/admin/members/" + id + "/reset-password",
        owner
            .page("/admin/members", 200)
            .selectFirst("form[action=/admin/members/" + id + "/reset-password]")
            .attr("action"));

    Response shown =
        owner.submit("/admin/members", "/admin/members/" + id + "/reset-password", Map.of());

    assertEquals(200, shown.statusCode());
    assertEquals("no-store", shown.header("Cache-Control"));
    Document page = Jsoup.parse(shown.asString());
    assertEquals("New password link for member@reset-a.example", page.selectFirst("h1").text());
    String url = page.selectFirst("#reset-link").text();
    String path = url.replaceFirst("^https?://[^/]+", "");
    assertTrue(path.matches("/admin/link/[A-Za-z0-9_-]{43}"), url);
    // The member's password still works until the link is used.
    member.page("/admin/sites", 200);

    Response set = usePassword(path, NEW);
    assertEquals(303, set.statusCode());
    assertTrue(set.header("Location").endsWith("/admin/login?done=password-set"));

    member
        .request()
        .when()
        .get("/admin/sites")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/admin/login"));
    assertThrows(AssertionError.class, () -> BackOffice.signIn("member@reset-a.example"));
    BackOffice.signIn("member@reset-a.example", NEW).page("/admin/sites", 200);
    // Once only.
    given().redirects().follow(false).get(path).then().statusCode(410);
  }

  @Test
  void shouldNotMakeALinkForSomeoneOutsideTheOwnersTenant() {
    BackOffice ownerB = BackOffice.signIn("owner@reset-b.example");
    long inA = memberId("editor@reset-a.example", siteA);

    Response refused =
        ownerB.submit("/admin/members", "/admin/members/" + inA + "/reset-password", Map.of());

    assertEquals(404, refused.statusCode());
    assertEquals(0, links("editor@reset-a.example"));
    BackOffice.signIn("editor@reset-a.example").page("/admin/sites", 200);
    // The same owner makes one for a member of their own tenant.
    long own = memberId("owner@reset-b.example", siteB);
    assertEquals(
        200,
        ownerB
            .submit("/admin/members", "/admin/members/" + own + "/reset-password", Map.of())
            .statusCode());
    assertEquals(1, links("owner@reset-b.example"));
  }

  @Test
  void shouldRefuseALinkForAnAccountThatAlsoWorksInAnotherTenant() {
    BackOffice owner = BackOffice.signIn("owner@reset-a.example");
    long id = memberId("shared@reset-a.example", siteA);

    Response refused =
        owner.submit("/admin/members", "/admin/members/" + id + "/reset-password", Map.of());

    assertEquals(409, refused.statusCode());
    assertEquals(
        "Only this person can reset their password",
        Jsoup.parse(refused.asString()).selectFirst("h1").text());
    assertEquals(0, links("shared@reset-a.example"));
  }

  @Test
  void shouldRefuseALinkToAMemberWhoIsNotOwner() {
    BackOffice editor = BackOffice.signIn("editor@reset-a.example");
    long id = memberId("member@reset-a.example", siteA);

    Response refused =
        editor.submit("/admin/members", "/admin/members/" + id + "/reset-password", Map.of());

    assertEquals(403, refused.statusCode());
    assertNotNull(refused.asString());
  }

  /** Sets the password with the link's form, as a browser that opened the link does. */
  private static Response usePassword(String path, String password) {
    Response form = given().get(path);
    assertEquals(200, form.statusCode());
    String token = Jsoup.parse(form.asString()).select("input[name=csrf-token]").attr("value");
    return given()
        .redirects()
        .follow(false)
        .cookie("cp_csrf", form.getCookie("cp_csrf"))
        .formParams(Map.of("password", password, "confirmation", password, "csrf-token", token))
        .post(path);
  }

  private static long memberId(String email, long siteId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                TenantMember.<TenantMember>find(
                        "subject = ?1 and tenant.id = ?2",
                        LocalAccount.subjectOf(email),
                        Site.<Site>findById(siteId).tenant.id)
                    .firstResult()
                    .id);
  }

  private static long links(String email) {
    return QuarkusTransaction.requiringNew().call(() -> OneTimeLink.count("email", email));
  }
}
