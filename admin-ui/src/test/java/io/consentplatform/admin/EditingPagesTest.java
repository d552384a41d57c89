package io.consentplatform.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.Provider;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.cookie.Storage;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteTexts;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages that change a site's declarations: every role, every tenant, every refusal. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class EditingPagesTest {

  private static final String CSV_HEADER =
      "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,"
          + "Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n";

  @Inject LocalAccounts accounts;

  private static long site;
  private static long otherSite;

  @BeforeEach
  void people() {
    if (site == 0) {
      site = SiteFixture.create("edit-site");
      otherSite = SiteFixture.create("edit-other");
      BackOffice.person(accounts, "owner@edit.example", site, Role.OWNER);
      BackOffice.person(accounts, "editor@edit.example", site, Role.EDITOR);
      BackOffice.person(accounts, "viewer@edit.example", site, Role.VIEWER);
      BackOffice.person(accounts, "other@edit.example", otherSite, Role.OWNER);
    }
  }

  private static List<String> pages(long siteId) {
    long category = idOf(Category.class, siteId);
    long provider = idOf(Provider.class, siteId);
    long cookie = idOf(Cookie.class, siteId);
    String base = "/admin/sites/" + siteId;
    return List.of(
        base,
        base + "/cookies",
        base + "/cookies?q=statistics&category=statistics",
        base + "/versions",
        base + "/consents",
        base + "/consents/export",
        base + "/settings",
        base + "/categories",
        base + "/categories/" + category,
        base + "/categories/" + category + "?lang=fr",
        base + "/providers",
        base + "/providers/" + provider,
        base + "/cookies/" + cookie,
        base + "/cookies/" + cookie + "?lang=fr",
        base + "/texts",
        base + "/texts?lang=fr",
        base + "/texts/preview",
        base + "/cookies/export");
  }

  @Test
  void shouldShowEveryEditingPageToEachRoleOfTheTenantAndToNobodyElse() {
    for (String person : List.of("owner", "editor", "viewer")) {
      BackOffice office = BackOffice.signIn(person + "@edit.example");
      for (String path : pages(site)) {
        office.request().when().get(path).then().statusCode(200);
      }
      office
          .request()
          .when()
          .get("/admin/sites/" + site + "/cookies/import")
          .then()
          .statusCode(person.equals("viewer") ? 403 : 200);
      office.request().when().get("/admin/sites").then().statusCode(200);
      office.request().when().get("/admin/members").then().statusCode(200);
      for (String ownersOnly : List.of("/admin/api-keys", "/admin/audit")) {
        office
            .request()
            .when()
            .get(ownersOnly)
            .then()
            .statusCode(person.equals("owner") ? 200 : 403);
      }
    }
    BackOffice stranger = BackOffice.signIn("other@edit.example");
    for (String path : pages(site)) {
      stranger.request().when().get(path).then().statusCode(404);
    }
    stranger.request().when().get("/admin/sites/" + site + "/texts/draft").then().statusCode(404);
    BackOffice.signIn("owner@edit.example")
        .request()
        .when()
        .get("/admin/sites/" + site + "/texts?lang=de")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldShowAViewerNoFormAndRefuseEveryChange() {
    BackOffice viewer = BackOffice.signIn("viewer@edit.example");
    for (String path : pages(site)) {
      if (!path.contains("/export") && !path.endsWith("/preview")) {
        assertTrue(
            viewer.page(path, 200).select("main form[method=post]").isEmpty(),
            path + " has no form");
      }
    }
    String base = "/admin/sites/" + site;
    long category = idOf(Category.class, site);
    long provider = idOf(Provider.class, site);
    Map<String, Map<String, String>> posts =
        Map.of(
            base + "/settings",
            Map.of("name", "Taken over"),
            base + "/categories",
            Map.of("key", "sneaky", "purpose", "MARKETING", "name", "x"),
            base + "/categories/" + category,
            Map.of("key", "renamed", "name", "x"),
            base + "/categories/" + category + "/delete",
            Map.of(),
            base + "/providers",
            Map.of("name", "Sneaky Ltd"),
            base + "/providers/" + provider + "/delete",
            Map.of(),
            base + "/texts",
            Map.of("bannerTitle", "Hacked"),
            "/admin/sites",
            Map.of("key", "viewer-site", "name", "x", "languages", "en"));
    for (var post : posts.entrySet()) {
      viewer.submit(base + "/settings", post.getKey(), post.getValue()).then().statusCode(403);
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site s = Site.findById(site);
              assertEquals("Site edit-site", s.name);
              assertTrue(s.texts.isEmpty());
              assertEquals(3, Category.count("site", s));
              assertEquals(1, Provider.count("site", s));
              assertTrue(Site.findByKey("viewer-site").isEmpty());
            });
  }

  @Test
  void shouldLetAnEditorCreateASiteAndExplainWhatIsWrong() {
    BackOffice editor = BackOffice.signIn("editor@edit.example");
    Map<String, String> form =
        Map.of(
            "key", "Bad Key!",
            "name", "",
            "domains", "shop.example, www.shop.example",
            "languages", "en, fr",
            "defaultLanguage", "de",
            "consentLifetimeDays", "soon");

    Document answer =
        Jsoup.parse(
            editor
                .submit("/admin/sites", "/admin/sites", form)
                .then()
                .statusCode(422)
                .extract()
                .asString());

    assertFalse(answer.select("#key-error").text().isEmpty());
    assertFalse(answer.select("#name-error").text().isEmpty());
    assertEquals("a whole number of days", answer.select("#consentLifetimeDays-error").text());
    assertEquals("Bad Key!", answer.select("input#key").attr("value"));

    Map<String, String> good = new HashMap<>(form);
    good.putAll(
        Map.of(
            "key",
            "edit-shop",
            "name",
            "The Shop",
            "defaultLanguage",
            "fr",
            "consentLifetimeDays",
            "180"));
    String location =
        editor
            .submit("/admin/sites", "/admin/sites", good)
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    Document dashboard = editor.page(location, 200);
    assertEquals("The Shop", dashboard.select("h1").text());
    assertTrue(dashboard.select("#start").text().contains("Getting started"));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site created = Site.findByKey("edit-shop").orElseThrow();
              assertEquals(List.of("shop.example", "www.shop.example"), created.domains);
              assertEquals("fr", created.defaultLanguage);
              assertEquals(180, created.consentLifetimeDays);
            });
    editor.submit("/admin/sites", "/admin/sites", good).then().statusCode(422);
  }

  @Test
  void shouldRefuseSettingsSavedOverSomeoneElsesChange() {
    long own = SiteFixture.create("edit-settings");
    BackOffice.person(accounts, "settings@edit.example", own, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("settings@edit.example");
    String page = "/admin/sites/" + own + "/settings";
    String version = editor.page(page, 200).select("input[name=version]").attr("value");
    Map<String, String> form =
        Map.of(
            "name", "Renamed",
            "domains", "edit-settings.example\nshop.edit-settings.example",
            "languages", "en, fr",
            "defaultLanguage", "en",
            "consentLifetimeDays", "100",
            "version", version);

    editor.submit(page, page, form).then().statusCode(303);
    Document stale =
        Jsoup.parse(editor.submit(page, page, form).then().statusCode(422).extract().asString());

    assertTrue(stale.select(".error").text().contains("changed"), stale.select(".error").text());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site s = Site.findById(own);
              assertEquals("Renamed", s.name);
              assertEquals(
                  List.of("edit-settings.example", "shop.edit-settings.example"), s.domains);
              assertEquals(100, s.consentLifetimeDays);
            });
  }

  @Test
  void shouldEditACategoryInOneLanguageAndKeepTheOthers() {
    long own = SiteFixture.create("edit-categories");
    BackOffice.person(accounts, "categories@edit.example", own, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("categories@edit.example");
    String list = "/admin/sites/" + own + "/categories";
    long statistics =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Category.<Category>find("site.id = ?1 and key = 'statistics'", own)
                        .firstResult()
                        .id);
    String page = list + "/" + statistics + "?lang=fr";
    Map<String, String> form = new HashMap<>();
    Document edit = editor.page(page, 200);
    for (var input : edit.select("form.grid input[name], form.grid textarea[name]")) {
      if (!input.attr("type").equals("checkbox")) {
        form.put(input.attr("name"), input.is("textarea") ? input.text() : input.attr("value"));
      }
    }
    form.remove("csrf-token");
    form.put("name", "Mesure d'audience");
    form.put("purpose", "STATISTICS");

    editor.submit(page, page, form).then().statusCode(303);

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Category c = Category.findById(statistics);
              assertEquals("Mesure d'audience", c.texts.get("fr").name());
              assertEquals("EN statistics", c.texts.get("en").name(), "English is kept");
            });
    editor
        .submit(list, list + "/" + statistics + "/delete", Map.of())
        .then()
        .statusCode(409)
        .body(containsString("still has cookies"));
    editor
        .submit(
            list,
            list,
            Map.of("key", "preferences", "purpose", "PREFERENCES", "name", "Preferences"))
        .then()
        .statusCode(303);
    assertTrue(editor.page(list, 200).select("tbody code").eachText().contains("preferences"));
    editor
        .submit(list, list, Map.of("key", "preferences", "purpose", "PREFERENCES", "name", "Again"))
        .then()
        .statusCode(422)
        .body(containsString("already has a category"));
    long preferences =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Category.<Category>find("site.id = ?1 and key = 'preferences'", own)
                        .firstResult()
                        .id);
    editor.submit(list, list + "/" + preferences + "/delete", Map.of()).then().statusCode(303);
    assertFalse(editor.page(list, 200).select("tbody code").eachText().contains("preferences"));
  }

  @Test
  void shouldManageProvidersAndEditACookie() {
    long own = SiteFixture.create("edit-cookies");
    BackOffice.person(accounts, "cookies@edit.example", own, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("cookies@edit.example");
    String providers = "/admin/sites/" + own + "/providers";
    editor
        .submit(providers, providers, Map.of("name", "Maps Co", "privacyPolicyUrl", "javascript:x"))
        .then()
        .statusCode(422)
        .body(containsString("an http or https URL"));
    editor
        .submit(
            providers,
            providers,
            Map.of("name", "Maps Co", "privacyPolicyUrl", "https://maps.example/privacy"))
        .then()
        .statusCode(303);
    assertTrue(editor.page(providers, 200).select("tbody th").eachText().contains("Maps Co"));

    long cookie =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Cookie.<Cookie>find("site.id = ?1 and name = 'marketing_cookie'", own)
                        .firstResult()
                        .id);
    String page = "/admin/sites/" + own + "/cookies/" + cookie;
    Document edit = editor.page(page, 200);
    assertEquals("For marketing", edit.select("textarea#purposes").text());
    Map<String, String> form =
        Map.ofEntries(
            Map.entry("name", "marketing_cookie"),
            Map.entry("category", "marketing"),
            Map.entry("provider", "Maps Co"),
            Map.entry("retentionAmount", "6"),
            Map.entry("retentionUnit", "MONTHS"),
            Map.entry("retentionNote", "after the last visit"),
            Map.entry("party", "THIRD_PARTY"),
            Map.entry("domain", ".maps.example"),
            Map.entry("position", "5"),
            Map.entry("functionAndLocation", "Maps (contact page)"),
            Map.entry("purposes", "To show the map"),
            Map.entry("version", edit.select("input[name=version]").attr("value")));

    editor.submit(page, page, form).then().statusCode(303);

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Cookie c = Cookie.findById(cookie);
              assertEquals("Maps Co", c.provider.name);
              assertEquals(
                  new Retention(Retention.Unit.MONTHS, 6, Map.of("en", "after the last visit")),
                  c.retention());
              assertEquals("To show the map", c.texts.get("en").purposes());
              assertEquals("Pour marketing", c.texts.get("fr").purposes(), "French is kept");
            });
    long maps =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Provider.<Provider>find("site.id = ?1 and name = 'Maps Co'", own)
                        .firstResult()
                        .id);
    editor
        .submit(providers, providers + "/" + maps + "/delete", Map.of())
        .then()
        .statusCode(409)
        .body(containsString("still has cookies"));
  }

  @Test
  void shouldDeclareAStorageKeyAndRefuseOneThatCannotBe() {
    long own = SiteFixture.create("edit-storage");
    BackOffice.person(accounts, "storage@edit.example", own, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("storage@edit.example");
    long cookie =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Cookie.<Cookie>find("site.id = ?1 and name = 'statistics_cookie'", own)
                        .firstResult()
                        .id);
    String page = "/admin/sites/" + own + "/cookies/" + cookie;
    Document edit = editor.page(page, 200);
    assertEquals("COOKIE", edit.select("select#storage option[selected]").val());
    Map<String, String> form = new HashMap<>();
    form.putAll(
        Map.ofEntries(
            Map.entry("name", "stats_queue"),
            Map.entry("category", "statistics"),
            Map.entry("provider", "Analytics Inc."),
            Map.entry("retentionUnit", "SESSION"),
            Map.entry("party", "FIRST_PARTY"),
            Map.entry("position", "5"),
            Map.entry("storage", "LOCAL_STORAGE"),
            Map.entry("httpOnly", "on"),
            Map.entry("functionAndLocation", "Statistics (every page)"),
            Map.entry("purposes", "To send visits in batches"),
            Map.entry("version", edit.select("input[name=version]").attr("value"))));

    Document refused =
        Jsoup.parse(editor.submit(page, page, form).then().statusCode(422).extract().asString());
    assertEquals(
        "Only a cookie can be HttpOnly, not a storage key",
        refused.select("#httpOnly-error").text());
    assertEquals("LOCAL_STORAGE", refused.select("select#storage option[selected]").val());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Cookie c = Cookie.findById(cookie);
              assertEquals("statistics_cookie", c.name, "nothing saved");
              assertEquals(Storage.COOKIE, c.storage);
            });

    form.remove("httpOnly");
    editor.submit(page, page, form).then().statusCode(303);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Cookie c = Cookie.findById(cookie);
              assertEquals("stats_queue", c.name);
              assertEquals(Storage.LOCAL_STORAGE, c.storage);
              assertFalse(c.httpOnly);
            });
    Document french =
        Jsoup.parse(
            editor
                .request()
                .header("Accept-Language", "fr")
                .when()
                .get(page)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertEquals("Conservé dans", french.select("label[for=storage]").text());
    assertEquals("localStorage (une clé)", french.select("select#storage option[selected]").text());
  }

  @Test
  void shouldSaveBannerTextsAndServeTheDraftToThePreview() {
    long own = SiteFixture.create("edit-texts");
    BackOffice.person(accounts, "texts@edit.example", own, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("texts@edit.example");
    String page = "/admin/sites/" + own + "/texts?lang=fr";
    Document form = editor.page(page, 200);
    assertEquals("Tout accepter", form.select("input#acceptAll").attr("placeholder"));
    assertEquals("", form.select("input#acceptAll").attr("value"));

    editor
        .submit(
            page,
            page,
            Map.of(
                "bannerTitle", "Des cookies ?",
                "acceptAll", "J'accepte",
                "version", form.select("input[name=version]").attr("value")))
        .then()
        .statusCode(303);

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              SiteTexts fr = Site.<Site>findById(own).texts.get("fr");
              assertEquals("J'accepte", fr.acceptAll());
              assertNull(fr.rejectAll(), "an empty field keeps the default");
            });
    JsonPath draft =
        editor
            .request()
            .when()
            .get("/admin/sites/" + own + "/texts/draft?lang=fr")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("J'accepte", draft.getString("texts.acceptAll"));
    assertEquals("Tout refuser", draft.getString("texts.rejectAll"));
    assertEquals(0, draft.getInt("version"), "a draft, not a published version");
    assertEquals(3, draft.getList("categories").size());

    editor
        .request()
        .when()
        .get("/admin/sites/" + own + "/texts/preview?lang=fr")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
        .header("Content-Security-Policy", containsString("script-src 'self';"))
        .header("X-Frame-Options", is("SAMEORIGIN"))
        .body(containsString("/v1/sites/edit-texts/banner.js"));

    String tooLong = "x".repeat(61);
    editor
        .submit(page, page, Map.of("acceptAll", tooLong))
        .then()
        .statusCode(422)
        .body(containsString("acceptAll-error"));
  }

  @Test
  void shouldPreviewACsvImportAndApplyItOnlyWhenConfirmed() {
    long own = SiteFixture.create("edit-import");
    BackOffice.person(accounts, "import@edit.example", own, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("import@edit.example");
    String page = "/admin/sites/" + own + "/cookies/import";
    String csv =
        CSV_HEADER
            + ",Matomo,Analytics,_pk_id,,Visitor id,13 months,Matomo,https://matomo.example/privacy,0\n"
            + ",Site,Analytics,statistics_cookie,,Counts visits,1 year,Analytics Inc.,,0\n"
            + ",Site,Nonsense,broken,,x,1 day,Site,,0\n";
    long before = cookies(own);

    editor
        .upload(page, page, "cookies.csv", csv.getBytes(StandardCharsets.UTF_8), false)
        .then()
        .statusCode(400);
    Document preview =
        Jsoup.parse(
            editor
                .upload(page, page, "cookies.csv", csv.getBytes(StandardCharsets.UTF_8), true)
                .then()
                .statusCode(200)
                .extract()
                .asString());

    assertEquals(
        List.of("New cookies 1", "Changed 1", "Unchanged 0", "Rows in error 1"),
        preview.select(".figures div").eachText());
    assertEquals(
        List.of("_pk_id", "statistics_cookie"),
        preview.select(".import-changes td.name code").eachText());
    assertTrue(preview.select(".import-errors").text().contains("Unknown category Nonsense"));
    assertEquals(before, cookies(own), "a preview changes nothing");

    // The button counts what it imports: the two good rows; the row in error is listed above it.
    assertEquals("Import 2 cookie(s) into the draft", preview.select("form.publish button").text());
    assertTrue(preview.select("form.publish").text().contains("The 1 row(s) in error"));
    Map<String, String> confirm = new HashMap<>();
    confirm.put("csvText", preview.select("textarea[name=csvText]").text());
    confirm.put("fileName", "cookies.csv");
    confirm.put("expected", preview.select("input[name=expected]").attr("value"));
    String action = "/admin/sites/" + own + "/cookies/import/confirm";
    editor
        .submit(page, action, confirm)
        .then()
        .statusCode(303)
        .header("Location", containsString("done=imported"));
    assertEquals(before + 1, cookies(own), "one cookie added");
    assertEquals(
        Retention.of(1, Retention.Unit.YEARS),
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Cookie.<Cookie>find("site.id = ?1 and name = 'statistics_cookie'", own)
                        .firstResult()
                        .retention()),
        "and one changed: 1 day became 1 year");

    editor
        .upload(
            page,
            page,
            "latin1.csv",
            (CSV_HEADER + ",Café,Analytics,x,,é,1 day,Café,,0\n")
                .getBytes(StandardCharsets.ISO_8859_1),
            true)
        .then()
        .statusCode(422)
        .body(containsString("not UTF-8"));
    editor
        .upload(page, page, "other.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), true)
        .then()
        .statusCode(422)
        .body(containsString("Open Cookie Database header"));
    String exported =
        editor
            .request()
            .when()
            .get("/admin/sites/" + own + "/cookies/export")
            .then()
            .statusCode(200)
            .header("Content-Disposition", containsString("attachment"))
            .extract()
            .asString();
    assertTrue(exported.contains("_pk_id"));
  }

  @Test
  void shouldReuseKnownProvidersWarnOfOverlapsAndImportWhatTheButtonSays() {
    long own = SiteFixture.create("edit-import-match");
    BackOffice.person(accounts, "match@edit.example", own, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("match@edit.example");
    String page = "/admin/sites/" + own + "/cookies/import";
    String csv =
        CSV_HEADER
            + ",Matomo,Analytics,_pk_id,,Visitor id,13 months,  analytics   INC. ,,1\n"
            + ",Matomo,Analytics,_pk_id.,,Visitor id,13 months,Matomo,,1\n"
            + ",Site,Analytics,statistics_,,Counts visits,1 year,Analytics Inc.,,1\n"
            + ",Shop,Marketing,ad_id,,Ads,2 semaines,Matomo,,0\n"
            + ",Site,Nonsense,broken,,x,1 day,Site,,0\n";
    long before = cookies(own);
    long providersBefore = providers(own);

    Document preview =
        Jsoup.parse(
            editor
                .upload(page, page, "cookies.csv", csv.getBytes(StandardCharsets.UTF_8), true)
                .then()
                .statusCode(200)
                .extract()
                .asString());

    assertEquals(
        List.of(
            "analytics INC. existing provider Analytics Inc. 2",
            "Matomo new provider, created by the import 2"),
        preview.select(".import-providers tbody tr").eachText());
    assertEquals(
        List.of("Analytics statistics 3", "Marketing marketing 1"),
        preview.select(".import-categories tbody tr").eachText());
    assertEquals(
        List.of(
            "Line 3: _pk_id.* overlaps _pk_id* (line 2)",
            "Line 4: statistics_* overlaps statistics_cookie, already declared on the site"),
        preview.select(".import-overlaps li").eachText());
    assertEquals("Import 4 cookie(s) into the draft", preview.select("form.publish button").text());

    Map<String, String> confirm = new HashMap<>();
    confirm.put("csvText", preview.select("textarea[name=csvText]").text());
    confirm.put("fileName", "cookies.csv");
    confirm.put("expected", preview.select("input[name=expected]").attr("value"));
    editor
        .submit(page, "/admin/sites/" + own + "/cookies/import/confirm", confirm)
        .then()
        .statusCode(303)
        .header("Location", containsString("done=imported"));

    assertEquals(before + 4, cookies(own), "the four cookies the button announced");
    assertEquals(providersBefore + 1, providers(own), "only Matomo is new");
    assertEquals(
        "Analytics Inc.",
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Cookie.<Cookie>find("site.id = ?1 and name = '_pk_id'", own)
                        .firstResult()
                        .provider
                        .name));
  }

  @Test
  void shouldAnswerAFileTooLargeForThePlatformWithTheImportPage() {
    long own = SiteFixture.create("edit-import-huge");
    BackOffice.person(accounts, "huge@edit.example", own, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("huge@edit.example");
    String page = "/admin/sites/" + own + "/cookies/import";
    long before = cookies(own);
    byte[] large = csvOf(3 * 1024 * 1024);
    byte[] huge = csvOf(22 * 1024 * 1024);

    Document overTheFormsLimit =
        Jsoup.parse(
            editor
                .upload(page, page, "large.csv", large, true)
                .then()
                .statusCode(413)
                .extract()
                .asString());
    io.restassured.response.Response sent = uploadWithItsLength(editor, page, huge);
    assertEquals(303, sent.statusCode(), "sent back to the import page, not a bare 413");
    String back = sent.header("Location");
    assertTrue(back.contains("/admin/sites/" + own + "/cookies/import?"), back);
    Document overThePlatformsLimit = editor.page(back, 413);

    String said = overTheFormsLimit.select("#file-error").text();
    assertTrue(said.contains("larger than 2 MB"), said);
    assertEquals(said, overThePlatformsLimit.select("#file-error").text(), "the same page");
    assertEquals(
        "Import cookies from a CSV file",
        overThePlatformsLimit.select("h1").text(),
        "inside the back office");
    assertEquals(before, cookies(own));
  }

  @Test
  void shouldSendAFileOverTheImportLimitBackBeforeItIsRead() {
    long own = SiteFixture.create("edit-import-limit");
    BackOffice.person(accounts, "limit@edit.example", own, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("limit@edit.example");
    String page = "/admin/sites/" + own + "/cookies/import";
    long before = cookies(own);

    // Under the platform's 10 MB but over the import's 2 MB (consent.csv-import.max-bytes).
    io.restassured.response.Response sent =
        uploadWithItsLength(editor, page, csvOf(3 * 1024 * 1024));

    assertEquals(303, sent.statusCode(), "refused on its declared length");
    Document back = editor.page(sent.header("Location"), 413);
    assertEquals(
        "The file is larger than 2 MB, the most one import takes: split it into smaller files",
        back.select("#file-error").text());
    assertEquals(before, cookies(own));
  }

  /**
   * Uploads as a browser does, the whole multipart body with its Content-Length (REST Assured's own
   * multipart is sent in chunks, which no browser does for a form).
   */
  private static io.restassured.response.Response uploadWithItsLength(
      BackOffice editor, String page, byte[] file) {
    io.restassured.response.Response form = editor.request().when().get(page);
    String token = Jsoup.parse(form.asString()).select("input[name=csrf-token]").attr("value");
    String boundary = "----csv" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n"
                + token
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(file, 0, body, head.length, file.length);
    System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
    return editor
        .request()
        .cookie("cp_csrf", form.getCookie("cp_csrf"))
        .contentType("multipart/form-data; boundary=" + boundary)
        .body(body)
        .when()
        .post(page);
  }

  private static byte[] csvOf(int bytes) {
    StringBuilder csv = new StringBuilder(CSV_HEADER);
    String row = ",Site,Analytics,c,,x,1 day,Site,,0\n";
    while (csv.length() < bytes) {
      csv.append(row);
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long providers(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Provider.count("site.id", siteId));
  }

  @Test
  void shouldSignOutAndForgetTheSession() {
    BackOffice owner = BackOffice.signIn("owner@edit.example");
    owner
        .signOut()
        .then()
        .statusCode(303)
        .header("Location", containsString("/admin/login?signed-out=true"))
        .cookie("cp_admin", "");
  }

  private static long cookies(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Cookie.count("site.id", siteId));
  }

  private static long idOf(Class<?> type, long siteId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (type == Category.class) {
                return Category.<Category>find("site.id", siteId).firstResult().id;
              } else if (type == Provider.class) {
                return Provider.<Provider>find("site.id", siteId).firstResult().id;
              }
              return Cookie.<Cookie>find("site.id", siteId).firstResult().id;
            });
  }
}
