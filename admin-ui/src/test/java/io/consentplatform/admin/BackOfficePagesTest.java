package io.consentplatform.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.policy.PolicyVersion;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.ApiKey;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class BackOfficePagesTest {

  private static final Map<String, String> NEW_COOKIE =
      Map.ofEntries(
          Map.entry("name", "_pk_ses"),
          Map.entry("category", "statistics"),
          Map.entry("provider", "Analytics Inc."),
          Map.entry("retentionAmount", "30"),
          Map.entry("retentionUnit", "MINUTES"),
          Map.entry("party", "FIRST_PARTY"),
          Map.entry("domain", ""),
          Map.entry("functionAndLocation", "Statistics (all pages)"),
          Map.entry("purposes", "To count visits"));

  @Inject LocalAccounts accounts;
  @Inject PolicyService policies;
  @Inject ConsentService consents;

  private static long site;
  private static long otherSite;

  @BeforeEach
  void people() {
    if (site == 0) {
      site = SiteFixture.create("office-site");
      otherSite = SiteFixture.create("office-other");
      policies.publish(site, "test");
      BackOffice.person(accounts, "owner@office.example", site, Role.OWNER);
      BackOffice.person(accounts, "editor@office.example", site, Role.EDITOR);
      BackOffice.person(accounts, "viewer@office.example", site, Role.VIEWER);
      BackOffice.person(accounts, "other@office.example", otherSite, Role.OWNER);
      BackOffice.person(accounts, "nobody@office.example", 0, Role.VIEWER);
    }
  }

  @Test
  void shouldSpeakThePersonsLanguageOnEveryPageAndSayItInHtmlLang() {
    BackOffice owner = BackOffice.signIn("owner@office.example");
    long cookie = firstCookie(site);
    long category = firstCategory(site);
    List<String> pages =
        List.of(
            "/admin/sites",
            "/admin/sites/" + site,
            "/admin/sites/" + site + "/cookies",
            "/admin/sites/" + site + "/cookies/" + cookie,
            "/admin/sites/" + site + "/cookies/import",
            "/admin/sites/" + site + "/providers",
            "/admin/sites/" + site + "/categories",
            "/admin/sites/" + site + "/categories/" + category,
            "/admin/sites/" + site + "/texts",
            "/admin/sites/" + site + "/versions",
            "/admin/sites/" + site + "/consents",
            "/admin/sites/" + site + "/settings",
            "/admin/members",
            "/admin/api-keys",
            "/admin/webhooks",
            "/admin/audit");
    for (String path : pages) {
      Document chosenFrench = page(owner.request().cookie("admin_lang", "fr"), path, 200);
      Document browserFrench =
          page(owner.request().header("Accept-Language", "fr-CH, fr;q=0.9"), path, 200);
      Document english = page(owner.request(), path, 200);
      Document chosenEnglish =
          page(
              owner.request().cookie("admin_lang", "en").header("Accept-Language", "fr"),
              path,
              200);

      assertEquals("fr", chosenFrench.selectFirst("html").attr("lang"), path);
      assertEquals("fr", browserFrench.selectFirst("html").attr("lang"), path);
      assertEquals("en", english.selectFirst("html").attr("lang"), path);
      assertEquals("en", chosenEnglish.selectFirst("html").attr("lang"), "the choice wins " + path);
      assertEquals("Membres", chosenFrench.select("header nav a").get(1).text(), path);
      assertEquals("Members", english.select("header nav a").get(1).text(), path);
      assertEquals("Se déconnecter", chosenFrench.select(".who #sign-out").text(), path);
    }
    Document notFound =
        page(owner.request().cookie("admin_lang", "fr"), "/admin/sites/" + otherSite, 404);
    assertEquals("fr", notFound.selectFirst("html").attr("lang"));
    assertEquals("Introuvable", notFound.selectFirst("h1").text());
    Document signIn = page(given().cookie("admin_lang", "fr"), "/admin/login", 200);
    assertEquals("fr", signIn.selectFirst("html").attr("lang"));
    assertEquals("Connexion à l'administration", signIn.selectFirst("h1").text());
    assertEquals("en", page(given(), "/admin/login", 200).selectFirst("html").attr("lang"));
  }

  @Test
  void shouldRememberTheChosenLanguageOnTheBackOfficePathOnly() {
    BackOffice editor = BackOffice.signIn("editor@office.example");
    String cookies = "/admin/sites/" + site + "/cookies";

    io.restassured.response.Response answer =
        editor
            .request()
            .queryParams(Map.of("language", "fr", "back", cookies))
            .get("/admin/language");

    assertEquals(303, answer.statusCode());
    assertTrue(answer.header("Location").endsWith(cookies), answer.header("Location"));
    io.restassured.http.Cookie chosen = answer.getDetailedCookie("admin_lang");
    assertEquals("fr", chosen.getValue());
    assertEquals("/admin", chosen.getPath());
    assertTrue(chosen.isHttpOnly());
    Map<String, String> bad = new HashMap<>(NEW_COOKIE);
    bad.put("name", "has space");
    Document refused =
        Jsoup.parse(
            editor.submit(cookies, cookies, bad).then().statusCode(422).extract().asString());
    assertEquals("en", refused.selectFirst("html").attr("lang"), "no cookie sent: English");
    io.restassured.response.Response elsewhere =
        editor
            .request()
            .queryParams(Map.of("language", "fr", "back", "https://evil.example/"))
            .get("/admin/language");
    assertTrue(
        elsewhere.header("Location").endsWith("/admin/sites"),
        "never an open redirect: " + elsewhere.header("Location"));
  }

  @Test
  void shouldShowValidationMessagesAndNoticesInFrench() {
    BackOffice editor = BackOffice.signIn("editor@office.example");
    String page = "/admin/sites/" + site + "/cookies";
    long before = cookies(site);
    Map<String, String> bad = new HashMap<>(NEW_COOKIE);
    bad.put("retentionAmount", "");

    BackOffice french = editor.speaking("fr");
    assertEquals("Déclarer un cookie", french.page(page, 200).select("h2#add").text());

    Document refused =
        Jsoup.parse(french.submit(page, page, bad).then().statusCode(422).extract().asString());
    assertEquals("fr", refused.selectFirst("html").attr("lang"));
    assertTrue(
        refused.select("p.error").text().startsWith("Le cookie n'a pas été ajouté"),
        refused.select("p.error").text());
    assertEquals(
        "Durée de conservation : combien", refused.select("label[for=retentionAmount]").text());
    assertFalse(refused.select("#retentionAmount-error").text().isEmpty());
    assertEquals(before, cookies(site));
    Document notice =
        page(editor.request().cookie("admin_lang", "fr"), page + "?done=cookie-added", 200);
    assertEquals("Le cookie a été ajouté au brouillon.", notice.select(".notice").text());
  }

  private static Document page(
      io.restassured.specification.RequestSpecification request, String path, int status) {
    return Jsoup.parse(
        request
            .redirects()
            .follow(false)
            .when()
            .get(path)
            .then()
            .statusCode(status)
            .extract()
            .asString());
  }

  @Test
  void shouldSendStrangersToTheSignInPage() {
    given()
        .redirects()
        .follow(false)
        .when()
        .get("/admin/sites")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/admin/login"));
    BackOffice.signInForm()
        .formParams(Map.of("j_username", "owner@office.example", "j_password", "wrong"))
        .when()
        .post("/j_security_check")
        .then()
        .statusCode(302)
        .header("Location", containsString("failed=true"));
    given()
        .when()
        .get("/admin/login")
        .then()
        .statusCode(200)
        .body(containsString("Sign in to the back office"));
  }

  @Test
  void shouldOfferNoSignUpUnlessSwitchedOn() {
    String login = given().when().get("/admin/login").then().statusCode(200).extract().asString();
    assertFalse(login.contains("/admin/signup"), "no sign-up link");
    assertFalse(login.contains("Create an organisation"));
    for (String path :
        List.of("/admin/signup", "/admin/signup/sent", "/admin/signup/confirm/" + "A".repeat(43))) {
      given().when().get(path).then().statusCode(404);
    }
  }

  @Test
  void shouldIssueAFreshHttpOnlyStrictSessionCookieAtSignIn() {
    String planted = "planted-by-an-attacker";
    io.restassured.response.Response answer =
        BackOffice.signInForm()
            .cookie("cp_admin", planted)
            .formParams(
                Map.of(
                    "j_username", "owner@office.example", "j_password", "pw-owner@office.example"))
            .when()
            .post("/j_security_check");

    io.restassured.http.Cookie session = answer.getDetailedCookie("cp_admin");
    assertTrue(session.getValue().length() > 20);
    assertFalse(session.getValue().equals(planted), "a session cannot be fixed in advance");
    assertTrue(session.isHttpOnly(), "scripts cannot read the session");
    assertEquals("Strict", session.getSameSite());
    given()
        .redirects()
        .follow(false)
        .cookie("cp_admin", planted)
        .when()
        .get("/admin/sites")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/admin/login"));
  }

  @Test
  void shouldShowEveryPageToAnOwnerWithAStrictPolicy() {
    BackOffice owner = BackOffice.signIn("owner@office.example");
    for (String path :
        List.of(
            "/admin/sites",
            "/admin/sites/" + site,
            "/admin/sites/" + site + "/cookies",
            "/admin/sites/" + site + "/versions",
            "/admin/sites/" + site + "/consents",
            "/admin/members",
            "/admin/api-keys",
            "/admin/webhooks",
            "/admin/audit")) {
      owner
          .request()
          .when()
          .get(path)
          .then()
          .statusCode(200)
          .contentType(containsString("text/html"))
          .header("Content-Security-Policy", containsString("script-src 'self'"))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("X-Content-Type-Options", is("nosniff"));
    }
    Document sites = owner.page("/admin/sites", 200);
    assertEquals(List.of("Site office-site"), sites.select(".cards h2").eachText());
    assertTrue(
        owner.page("/admin/sites/" + site, 200).select("dl.figures").text().contains("Decisions"));
  }

  @Test
  void shouldSayThatBannerShownComesFromUnauthenticatedBeacons() {
    BackOffice owner = BackOffice.signIn("owner@office.example");
    String path = "/admin/sites/" + site;

    assertEquals(
        "“Banner shown” counts the signals banners send when they appear. Nobody signs in to send"
            + " one, so anyone can add to it (each address up to the rate limit): read it as an"
            + " estimate. Decisions are counted from their records.",
        page(owner.request(), path, 200).select("#shown-source").text());
    assertTrue(
        page(owner.request().cookie("admin_lang", "fr"), path, 200)
            .select("#shown-source")
            .text()
            .contains("Personne ne s'identifie pour en envoyer"));
  }

  @Test
  void shouldLetAnEditorAddACookieWithItsCsrfToken() {
    BackOffice editor = BackOffice.signIn("editor@office.example");
    String page = "/admin/sites/" + site + "/cookies";

    editor
        .submit(page, page, NEW_COOKIE)
        .then()
        .statusCode(303)
        .header("Location", containsString("done=cookie-added"));

    Document list = editor.page(page + "?done=cookie-added", 200);
    assertTrue(list.select("tbody th code").eachText().contains("_pk_ses"));
    assertEquals("The cookie was added to the draft.", list.select(".notice").text());
  }

  @Test
  void shouldRefuseAFormWithoutItsCsrfToken() {
    BackOffice editor = BackOffice.signIn("editor@office.example");
    long before = cookies(site);

    editor
        .request()
        .formParams(
            Map.of(
                "name",
                "_csrf_victim",
                "category",
                "statistics",
                "provider",
                "Analytics Inc.",
                "retentionAmount",
                "1",
                "retentionUnit",
                "DAYS",
                "party",
                "FIRST_PARTY",
                "functionAndLocation",
                "x",
                "purposes",
                "y"))
        .when()
        .post("/admin/sites/" + site + "/cookies")
        .then()
        .statusCode(400);

    assertEquals(before, cookies(site));
  }

  @Test
  void shouldShowValidationMessagesBesideTheFields() {
    BackOffice editor = BackOffice.signIn("editor@office.example");
    String page = "/admin/sites/" + site + "/cookies";
    long before = cookies(site);
    Map<String, String> bad = new HashMap<>(NEW_COOKIE);
    bad.put("name", "has space");
    bad.put("retentionAmount", "0");

    Document answer =
        Jsoup.parse(editor.submit(page, page, bad).then().statusCode(422).extract().asString());

    assertFalse(answer.select("#name-error").text().isEmpty(), "the name's error is shown");
    assertFalse(
        answer.select("#retentionAmount-error").text().isEmpty(), "the retention's error is shown");
    assertEquals("has space", answer.select("input#name").attr("value"), "what was typed is kept");
    assertEquals(before, cookies(site));
  }

  @Test
  void shouldShowAViewerNoEditControlsAndRefuseTheirPosts() {
    BackOffice viewer = BackOffice.signIn("viewer@office.example");
    String page = "/admin/sites/" + site + "/cookies";
    long before = cookies(site);

    Document list = viewer.page(page, 200);
    assertTrue(list.select("main form[method=post]").isEmpty(), "no form to change anything");
    assertTrue(
        viewer
            .page("/admin/sites/" + site + "/versions", 200)
            .select("main form[method=post]")
            .isEmpty());
    viewer
        .submit(page, page, NEW_COOKIE)
        .then()
        .statusCode(403)
        .body(containsString("Not allowed"));
    viewer.request().when().get("/admin/audit").then().statusCode(403);

    assertEquals(before, cookies(site));
  }

  @Test
  void shouldPublishOnlyAfterConfirmation() {
    BackOffice editor = BackOffice.signIn("editor@office.example");
    long other = SiteFixture.create("office-publish");
    policies.publish(other, "test");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var member = new TenantMember();
              member.tenant = Site.<Site>findById(other).tenant;
              member.subject = "local:editor@office.example";
              member.email = "editor@office.example";
              member.role = Role.EDITOR;
              member.persist();
            });
    String cookiesPage = "/admin/sites/" + other + "/cookies";
    String versionsPage = "/admin/sites/" + other + "/versions";
    BackOffice inOther = editor.inTenant("t-office-publish");
    inOther.submit(cookiesPage, cookiesPage, NEW_COOKIE).then().statusCode(303);

    assertTrue(
        inOther
            .page(versionsPage, 200)
            .select(".changes")
            .text()
            .contains("Cookie added: _pk_ses"));
    inOther.submit(versionsPage, versionsPage, Map.of()).then().statusCode(422);
    assertEquals(1, versions(other));
    inOther.submit(versionsPage, versionsPage, Map.of("confirm", "yes")).then().statusCode(303);
    assertEquals(2, versions(other));
    assertTrue(
        inOther
            .page(versionsPage + "?compare=2", 200)
            .select("#compared + ul.changes")
            .text()
            .contains("Cookie added: _pk_ses"),
        "what version 2 changed since version 1");
  }

  @Test
  void shouldHideOtherTenantsSitesAndRefuseToTouchThem() {
    BackOffice stranger = BackOffice.signIn("other@office.example");
    long before = cookies(site);
    long cookieId =
        QuarkusTransaction.requiringNew()
            .call(() -> Cookie.<Cookie>find("site.id", site).firstResult().id);

    assertFalse(stranger.page("/admin/sites", 200).text().contains("office-site"));
    for (String path :
        List.of(
            "/admin/sites/" + site,
            "/admin/sites/" + site + "/cookies",
            "/admin/sites/" + site + "/versions",
            "/admin/sites/" + site + "/consents",
            "/admin/sites/" + site + "/consents/export")) {
      stranger.request().when().get(path).then().statusCode(404);
    }
    String own = "/admin/sites/" + otherSite + "/cookies";
    stranger
        .submit(own, "/admin/sites/" + site + "/cookies/" + cookieId + "/delete", Map.of())
        .then()
        .statusCode(404);
    stranger.submit(own, "/admin/sites/" + site + "/cookies", NEW_COOKIE).then().statusCode(404);

    assertEquals(before, cookies(site));
  }

  @Test
  void shouldLetAnOwnerManageMembers() {
    BackOffice owner = BackOffice.signIn("owner@office.example");

    owner
        .submit(
            "/admin/members",
            "/admin/members",
            Map.of(
                "subject",
                "local:newcomer@office.example",
                "email",
                "newcomer@office.example",
                "role",
                "VIEWER"))
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("no-store"))
        .body(containsString("/admin/link/"))
        // This suite configures no SMTP server: the link is only shown, and the page says so.
        .body(containsString("This platform sends no e-mail"));
    Document members = owner.page("/admin/members", 200);
    assertTrue(members.select("tbody th").eachText().contains("newcomer@office.example"));
    String id =
        members.select("select[id^=role-]").stream()
            .filter(
                select ->
                    select
                        .parents()
                        .first()
                        .parents()
                        .first()
                        .parents()
                        .first()
                        .text()
                        .contains("newcomer"))
            .findFirst()
            .orElseThrow()
            .id()
            .substring("role-".length());

    owner
        .submit("/admin/members", "/admin/members/" + id + "/role", Map.of("role", "EDITOR"))
        .then()
        .statusCode(303);
    assertEquals("EDITOR", role("local:newcomer@office.example"));
    owner
        .submit("/admin/members", "/admin/members/" + id + "/remove", Map.of())
        .then()
        .statusCode(303);
    assertEquals(null, role("local:newcomer@office.example"));
  }

  @Test
  void shouldShowANewApiKeyOnceAndKeepOnlyItsHash() {
    BackOffice owner = BackOffice.signIn("owner@office.example");

    Document created =
        Jsoup.parse(
            owner
                .submit(
                    "/admin/api-keys",
                    "/admin/api-keys",
                    Map.of("name", "Nightly export", "role", "VIEWER"))
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .extract()
                .asString());
    String secret = created.select("code.secret").text();

    assertTrue(secret.startsWith("cpk_"), secret);
    assertFalse(owner.page("/admin/api-keys", 200).text().contains(secret), "shown only once");
    assertTrue(
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    io.consentplatform.core.tenant.ApiKey.<ApiKey>listAll().stream()
                        .noneMatch(k -> k.keyHash.contains(secret) || k.prefix.equals(secret))),
        "never stored");
  }

  @Test
  void shouldKeepMembersAndKeysToOwners() {
    BackOffice editor = BackOffice.signIn("editor@office.example");

    editor.request().when().get("/admin/api-keys").then().statusCode(403);
    assertTrue(editor.page("/admin/members", 200).select("main form[method=post]").isEmpty());
    editor
        .submit(
            "/admin/sites/" + site + "/cookies",
            "/admin/members",
            Map.of(
                "subject",
                "local:intruder@office.example",
                "email",
                "intruder@office.example",
                "role",
                "OWNER"))
        .then()
        .statusCode(403);
    assertEquals(null, role("local:intruder@office.example"));
  }

  @Test
  void shouldShowAReceiptToItsTenantOnly() {
    var record =
        consents.recordDecision(
            "office-site",
            new Decision(
                null,
                1,
                ConsentAction.CUSTOM,
                Map.of("necessary", true, "statistics", false, "marketing", true),
                "fr",
                ConsentMethod.SETTINGS,
                true,
                null,
                "198.51.100.23"));
    String path = "/admin/sites/" + site + "/consents/" + record.id;

    Document receipt = BackOffice.signIn("viewer@office.example").page(path, 200);
    assertTrue(receipt.text().contains(record.id.toString()));
    assertTrue(receipt.select("td.off").eachText().contains("refused"), "statistics was refused");
    assertTrue(receipt.text().contains("198.51.100.0"), "only the truncated address");
    assertFalse(receipt.text().contains("198.51.100.23"));
    BackOffice.signIn("other@office.example").request().when().get(path).then().statusCode(404);
    BackOffice.signIn("viewer@office.example")
        .request()
        .when()
        .get("/admin/sites/" + site + "/consents/not-a-uuid")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldTellAPersonWithoutTenantWhatToDo() {
    BackOffice nobody = BackOffice.signIn("nobody@office.example");

    Document page = nobody.page("/admin", 403);

    assertTrue(page.text().contains("not a member of any tenant"), page.text());
    assertTrue(page.text().contains("local:nobody@office.example"));
  }

  private static long cookies(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Cookie.count("site.id", siteId));
  }

  private static String role(String subject) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                io.consentplatform.core.tenant.TenantMember.<TenantMember>find("subject", subject)
                    .firstResultOptional()
                    .map(m -> m.role.name())
                    .orElse(null));
  }

  private static long firstCookie(long siteId) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Cookie.<Cookie>find("site.id", siteId).firstResult().id);
  }

  private static long firstCategory(long siteId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                io.consentplatform.core.category.Category
                    .<io.consentplatform.core.category.Category>find("site.id", siteId)
                    .firstResult()
                    .id);
  }

  private static long versions(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> PolicyVersion.count("site.id", siteId));
  }
}
