package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.VendorSignal;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A site's settings in the back office: the field at fault is marked with its reason, in the
 * person's language, and nothing changes; the data controller is kept; the dashboard's snippet is
 * absolute.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class SiteSettingsPageTest {

  @Inject LocalAccounts accounts;

  @TestHTTPResource("/")
  URL base;

  @Test
  void shouldMarkTheFieldAtFaultAndChangeNothing() {
    long site = SiteFixture.create("settings-rules");
    BackOffice.person(accounts, "rules@settings.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("rules@settings.example");
    String page = "/admin/sites/" + site + "/settings";
    Map<String, String> form = new HashMap<>(form(editor, page));

    form.put("domains", "settings-rules.example\nopendata.exmple..org");
    form.put("languages", "en, xx");
    form.put("contact", "call us");
    Document refused =
        Jsoup.parse(editor.submit(page, page, form).then().statusCode(422).extract().asString());

    assertEquals("true", refused.select("textarea#domains").attr("aria-invalid"));
    assertEquals(
        "opendata.exmple..org has an empty part: two dots in a row, or a dot at the start",
        refused.select("#domains-error").text());
    assertEquals("true", refused.select("input#languages").attr("aria-invalid"));
    assertEquals(
        "xx is not a language code of ISO 639-1, such as en or fr",
        refused.select("#languages-error").text());
    assertEquals("true", refused.select("input#contact").attr("aria-invalid"));
    assertEquals(
        "settings-rules.example\nopendata.exmple..org",
        refused.select("textarea#domains").first().wholeText());

    Document french =
        Jsoup.parse(
            editor
                .speaking("fr")
                .submit(page, page, form)
                .then()
                .statusCode(422)
                .extract()
                .asString());
    assertEquals(
        "opendata.exmple..org contient une partie vide : deux points qui se suivent, ou un point"
            + " au début",
        french.select("#domains-error").text());

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site unchanged = Site.findById(site);
              assertEquals(List.of("settings-rules.example"), unchanged.domains);
              assertEquals(List.of("en", "fr"), unchanged.languages);
            });
  }

  @Test
  void shouldKeepThePastedAddressesHostAndTheDataController() {
    long site = SiteFixture.create("settings-keep");
    BackOffice.person(accounts, "keep@settings.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("keep@settings.example");
    String page = "/admin/sites/" + site + "/settings";
    Map<String, String> form = new HashMap<>(form(editor, page));
    form.put("domains", "https://www.settings-keep.org/page?x=1\nhttp://localhost:8080/x");
    form.put("legalName", "City of Cary");
    form.put("postalAddress", "316 N Academy St\nCary, NC 27513");
    form.put("contact", "privacy@townofcary.org");

    editor.submit(page, page, form).then().statusCode(303);

    Document saved = editor.page(page, 200);
    assertEquals(
        "www.settings-keep.org\nlocalhost:8080",
        saved.select("textarea#domains").first().wholeText());
    assertEquals("City of Cary", saved.select("input#legalName").val());
    assertEquals("privacy@townofcary.org", saved.select("input#contact").val());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site kept = Site.findById(site);
              assertEquals(List.of("www.settings-keep.org", "localhost:8080"), kept.domains);
              assertEquals("316 N Academy St\nCary, NC 27513", kept.controllerAddress);
              assertEquals(null, kept.dpoContact, "left empty: none");
            });
  }

  @Test
  void shouldShowAnAbsoluteSnippetOnTheDashboard() {
    long site = SiteFixture.create("settings-snippet");
    BackOffice.person(accounts, "snippet@settings.example", site, Role.VIEWER);
    Document dashboard =
        BackOffice.signIn("snippet@settings.example").page("/admin/sites/" + site, 200);

    assertEquals(
        "<script src=\"" + base + "v1/sites/settings-snippet/banner.js\"></script>",
        dashboard.select("#snippet-script").text());
    assertTrue(
        dashboard
            .select("#snippet-blocked")
            .text()
            .startsWith("<script type=\"text/plain\" data-category=\"statistics\""),
        "names the site's own first optional category");
    assertEquals("snippet-script", dashboard.select("button.copy").first().attr("data-copy"));
  }

  @Test
  void shouldSaveTheCookieDomainAndTheVendorSignalsTicked() {
    long site = SiteFixture.create("settings-shared");
    BackOffice.person(accounts, "shared@settings.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("shared@settings.example");
    String page = "/admin/sites/" + site + "/settings";
    Document before = editor.page(page, 200);
    assertEquals(
        List.of("google"),
        before.select("input[name=vendorSignals][checked]").eachAttr("value"),
        "Google alone, as for every site made before the setting");
    Map<String, String> form = new HashMap<>(form(editor, page));
    form.put("cookieDomain", " .Settings-Shared.example");

    submit(editor, page, form, "uet", "clarity").then().statusCode(303);

    Document saved = editor.page(page, 200);
    assertEquals("settings-shared.example", saved.select("input#cookieDomain").val());
    assertEquals(
        List.of("uet", "clarity"),
        saved.select("input[name=vendorSignals][checked]").eachAttr("value"));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site kept = Site.findById(site);
              assertEquals("settings-shared.example", kept.cookieDomain);
              assertEquals(List.of(VendorSignal.UET, VendorSignal.CLARITY), kept.vendorSignals);
            });

    Map<String, String> none = new HashMap<>(form(editor, page));
    none.put("cookieDomain", "");
    submit(editor, page, none).then().statusCode(303);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site kept = Site.findById(site);
              assertEquals(null, kept.cookieDomain, "emptied: each page's own host");
              assertEquals(List.of(), kept.vendorSignals, "none ticked: none");
            });
  }

  @Test
  void shouldRefuseACookieDomainThatMissesADomainInThePersonsLanguageAndChangeNothing() {
    long site = SiteFixture.create("settings-cookie-domain");
    BackOffice.person(accounts, "cookie-domain@settings.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("cookie-domain@settings.example");
    String page = "/admin/sites/" + site + "/settings";
    Map<String, String> form = new HashMap<>(form(editor, page));
    form.put("cookieDomain", "other.example");

    Document refused =
        Jsoup.parse(submit(editor, page, form, "meta").then().statusCode(422).extract().asString());
    assertEquals("true", refused.select("input#cookieDomain").attr("aria-invalid"));
    assertEquals(
        "The cookie domain other.example would not reach settings-cookie-domain.example: each"
            + " domain must be other.example or end with .other.example",
        refused.select("#cookieDomain-error").text());
    assertEquals(
        List.of("meta"),
        refused.select("input[name=vendorSignals][checked]").eachAttr("value"),
        "the ticks as sent");

    form.put("cookieDomain", "example");
    Document french =
        Jsoup.parse(
            submit(editor.speaking("fr"), page, form).then().statusCode(422).extract().asString());
    assertTrue(
        french
            .select("#cookieDomain-error")
            .text()
            .startsWith("example est partagé par de nombreux sites (suffixe public)"),
        french.select("#cookieDomain-error").text());

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site unchanged = Site.findById(site);
              assertEquals(null, unchanged.cookieDomain);
              assertEquals(List.of(VendorSignal.GOOGLE), unchanged.vendorSignals);
            });
  }

  /** Sends the settings form as the browser does: the empty marker, then the ticked signals. */
  private static Response submit(
      BackOffice editor, String page, Map<String, String> fields, String... signals) {
    Response form = editor.request().when().get(page);
    String csrf = form.getCookie("cp_csrf");
    List<String> ticked = new ArrayList<>(List.of(""));
    ticked.addAll(List.of(signals));
    return editor
        .request()
        .cookie("cp_csrf", csrf)
        .formParams(fields)
        .formParam("vendorSignals", ticked.toArray())
        .formParam(
            "csrf-token",
            Jsoup.parse(form.asString()).select("input[name=csrf-token]").attr("value"))
        .when()
        .post(page);
  }

  private static Map<String, String> form(BackOffice editor, String page) {
    Document current = editor.page(page, 200);
    Map<String, String> form = new HashMap<>();
    for (String name :
        List.of(
            "name",
            "languages",
            "defaultLanguage",
            "consentLifetimeDays",
            "version",
            "legalName",
            "contact",
            "dpoContact")) {
      form.put(name, current.select("input[name=" + name + "]").val());
    }
    form.put("domains", current.select("textarea#domains").first().wholeText());
    form.put("postalAddress", current.select("textarea#postalAddress").first().wholeText());
    return form;
  }
}
