package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A site's rules by region in the back office: rules moved, added and removed in the form before
 * saving, the platform's defaults as a start, a mistake marked beside its rule with nothing
 * changed, a preview as a visitor from a region, and a category's sensitive checkbox.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RegionsPageTest {

  @Inject LocalAccounts accounts;
  @Inject PolicyService policies;

  @Test
  void shouldEditOrderAndSaveTheRules() {
    long site = SiteFixture.create("regions-page");
    BackOffice.person(accounts, "rules@regions.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("rules@regions.example");
    String page = "/admin/sites/" + site + "/regions";

    Document shown = editor.page(page, 200);
    assertEquals("EEA, GB, CH, BR, CA-QC", shown.select("input#regions-0").val());
    assertEquals("opt-out", selected(shown.select("tr[data-rule=1] select").first()));
    assertEquals("184", shown.select("input#refusalLifetimeDays").val());

    List<String[]> form = formOf(shown);
    set(form, "regions", 1, "US");
    form.add(new String[] {"action", "up:1"});
    Document moved =
        Jsoup.parse(post(editor, page, form).then().statusCode(200).extract().asString());
    assertEquals("US", moved.select("input#regions-0").val(), "moved up, in the form");
    assertEquals("opt-out", selected(moved.select("tr[data-rule=0] select").first()));
    assertEquals("EEA, GB, CH, BR, CA-QC", moved.select("input#regions-1").val());
    assertTrue(moved.select("#unsaved").hasText(), "says it is not saved yet");
    assertEquals(
        RegionRules.PLATFORM_DEFAULT,
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).regionRules),
        "moving saves nothing");

    List<String[]> added = formOf(moved);
    added.add(new String[] {"action", "add"});
    Document withThird =
        Jsoup.parse(post(editor, page, added).then().statusCode(200).extract().asString());
    assertEquals(3, withThird.select("tr[data-rule]").size());

    List<String[]> removed = formOf(withThird);
    set(removed, "regions", 2, "JP");
    set(removed, "experience", 2, "notice");
    removed.add(new String[] {"action", "remove:1"});
    Document twoLeft =
        Jsoup.parse(post(editor, page, removed).then().statusCode(200).extract().asString());
    assertEquals("JP", twoLeft.select("input#regions-1").val());

    List<String[]> save = formOf(twoLeft);
    set(save, "otherwise", 0, "none");
    set(save, "refusalLifetimeDays", 0, "300");
    save.add(new String[] {"action", "save"});
    post(editor, page, save).then().statusCode(303);

    Site saved = QuarkusTransaction.requiringNew().call(() -> Site.findById(site));
    assertEquals(
        new RegionRules(
            List.of(
                new RegionRule(List.of("US"), Experience.OPT_OUT),
                new RegionRule(List.of("JP"), Experience.NOTICE)),
            Experience.NONE),
        saved.regionRules);
    assertEquals(300, saved.refusalLifetimeDays);
    Document after = editor.page(page + "?region=us-ca", 200);
    assertEquals(
        "A visitor from US-CA gets: Opt-out: runs by default, \"Do Not Sell or Share\" link, GPC"
            + " honoured",
        after.select("#preview-experience").text());
    assertEquals(
        "/admin/sites/" + site + "/texts/preview?lang=en&region=US-CA",
        after.select("iframe#banner-preview").attr("src"));
    assertEquals(
        "A visitor whose region is unknown gets: None: nothing shown",
        editor.page(page + "?region=XX", 200).select("#preview-experience").text());
    assertTrue(
        editor
            .request()
            .get("/admin/sites/" + site + "/texts/draft?lang=en&region=US-CA")
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .contains("\"experience\":\"opt-out\""),
        "the framed banner gets the region's experience");

    List<String[]> defaults = formOf(after);
    defaults.add(new String[] {"action", "defaults"});
    Document platform =
        Jsoup.parse(post(editor, page, defaults).then().statusCode(200).extract().asString());
    assertEquals("EEA, GB, CH, BR, CA-QC", platform.select("input#regions-0").val());
    assertEquals("300", platform.select("input#refusalLifetimeDays").val(), "interval kept");
  }

  @Test
  void shouldMarkTheRuleAtFaultInFrenchAndChangeNothing() {
    long site = SiteFixture.create("regions-fault");
    BackOffice.person(accounts, "fault@regions.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("fault@regions.example").speaking("fr");
    String page = "/admin/sites/" + site + "/regions";

    Document shown = editor.page(page, 200);
    assertEquals("Régions", shown.select("nav.site-nav a[aria-current=page]").text());
    List<String[]> form = formOf(shown);
    set(form, "regions", 1, "US-CA, Californie");
    set(form, "refusalLifetimeDays", 0, "90");
    form.add(new String[] {"action", "save"});
    Document refused =
        Jsoup.parse(post(editor, page, form).then().statusCode(422).extract().asString());
    assertEquals("true", refused.select("input#refusalLifetimeDays").attr("aria-invalid"));
    assertEquals("US-CA, Californie", refused.select("input#regions-1").val(), "kept as typed");

    set(form, "refusalLifetimeDays", 0, "184");
    Document second =
        Jsoup.parse(post(editor, page, form).then().statusCode(422).extract().asString());
    assertEquals("true", second.select("input#regions-1").attr("aria-invalid"));
    assertEquals(
        "CALIFORNIE n'est ni un pays (FR), ni une subdivision (US-CA), ni un groupe (EU, EEA)",
        second.select("#rule-1-error").text());

    Site unchanged = QuarkusTransaction.requiringNew().call(() -> Site.findById(site));
    assertEquals(RegionRules.PLATFORM_DEFAULT, unchanged.regionRules);
    assertEquals(184, unchanged.refusalLifetimeDays);
  }

  @Test
  void shouldSayOnTheVersionsPageThatARegionNowAskedFirstAsksAgain() {
    long site = SiteFixture.create("regions-versions");
    BackOffice.person(accounts, "versions@regions.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("versions@regions.example");
    policies.publish(site, "test");
    String page = "/admin/sites/" + site + "/regions";

    List<String[]> form = formOf(editor.page(page, 200));
    String withoutCalifornia =
        "US-CO, US-CT, US-DE, US-MD, US-MN, US-MT, US-NE, US-NH, US-NJ, US-OR, US-TX";
    set(form, "regions", 1, withoutCalifornia);
    set(form, "refusalLifetimeDays", 0, "200");
    form.add(new String[] {"action", "save"});
    post(editor, page, form).then().statusCode(303);

    Document versions = editor.page("/admin/sites/" + site + "/versions", 200);
    assertEquals(
        "Visitors will be asked again: visitors from US-CA are now asked first.",
        versions.select("#draft-kind").text());
    String changes = versions.select(".changes").text();
    assertTrue(changes.contains("Refusal remembered (days): '184' → '200'"), changes);
    assertTrue(
        changes.contains(
            "Rules by region: 'EEA, GB, CH, BR, CA-QC: opt-in; US-CA, US-CO, US-CT, US-DE, US-MD,"
                + " US-MN, US-MT, US-NE, US-NH, US-NJ, US-OR, US-TX: opt-out; otherwise: opt-in' →"
                + " 'EEA, GB, CH, BR, CA-QC: opt-in; "
                + withoutCalifornia
                + ": opt-out; otherwise: opt-in'"),
        changes);
  }

  @Test
  void shouldShowTheRulesToAViewerWithoutAForm() {
    long site = SiteFixture.create("regions-viewer");
    BackOffice.person(accounts, "viewer@regions.example", site, Role.VIEWER);
    BackOffice viewer = BackOffice.signIn("viewer@regions.example");
    String page = "/admin/sites/" + site + "/regions";

    Document shown = viewer.page(page, 200);
    assertEquals(0, shown.select("form[method=post] input[name=regions]").size());
    assertTrue(shown.select("table.rules").text().contains("US-CA"));
    List<String[]> form = new ArrayList<>();
    form.add(new String[] {"otherwise", "none"});
    form.add(new String[] {"action", "save"});
    post(viewer, page, form).then().statusCode(403);
    assertEquals(
        RegionRules.PLATFORM_DEFAULT,
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).regionRules));
  }

  @Test
  void shouldKeepACategorysSensitiveTick() {
    long site = SiteFixture.create("regions-sensitive-page");
    BackOffice.person(accounts, "sensitive@regions.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("sensitive@regions.example");
    long marketing =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Category.<Category>find("site.id = ?1 and key = 'marketing'", site)
                        .firstResult()
                        .id);
    String page = "/admin/sites/" + site + "/categories/" + marketing + "?lang=en";
    Document shown = editor.page(page, 200);
    assertTrue(shown.select("input[name=sensitive]").first() != null, "the checkbox is there");

    Map<String, String> form =
        new java.util.HashMap<>(
            Map.of(
                "key", "marketing",
                "purpose", "MARKETING",
                "position", "2",
                "name", "Marketing",
                "description", "Ads",
                "version", shown.select("input[name=version]").val(),
                "sensitive", "on"));
    editor.submit(page, page, form).then().statusCode(303);
    assertEquals(
        true,
        QuarkusTransaction.requiringNew()
            .call(() -> Category.<Category>findById(marketing).sensitive));
    assertTrue(editor.page(page, 200).select("input[name=sensitive]").hasAttr("checked"));
  }

  private static String selected(Element select) {
    return select.select("option[selected]").val();
  }

  /** The form as the browser would send it: every field in page order, no button. */
  private static List<String[]> formOf(Document page) {
    List<String[]> fields = new ArrayList<>();
    for (Element input : page.select("form[method=post] input[name], form[method=post] select")) {
      String name = input.attr("name");
      if (name.equals("csrf-token")) {
        continue;
      }
      String value = input.tagName().equals("select") ? selected(input) : input.val();
      fields.add(new String[] {name, value});
    }
    return fields;
  }

  private static void set(List<String[]> form, String name, int index, String value) {
    int seen = 0;
    for (String[] field : form) {
      if (field[0].equals(name) && seen++ == index) {
        field[1] = value;
        return;
      }
    }
    throw new AssertionError("no field " + name + "[" + index + "]");
  }

  /** Posts repeated fields as the browser does, with the page's CSRF token and cookie. */
  private static Response post(BackOffice person, String page, List<String[]> fields) {
    Response current = person.request().when().get(page);
    String csrfCookie = current.getCookie("cp_csrf");
    String token = Jsoup.parse(current.asString()).select("input[name=csrf-token]").attr("value");
    RequestSpecification request =
        person
            .request()
            .cookie("cp_csrf", csrfCookie)
            .formParam("csrf-token", token.isEmpty() ? csrfCookie : token);
    for (String[] field : fields) {
      request.formParam(field[0], field[1]);
    }
    return request.when().post(page);
  }
}
