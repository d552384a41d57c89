package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
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
