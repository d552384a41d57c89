package io.consentplatform.api.tenant;

import static io.consentplatform.api.tenant.TenantApiTest.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.category.Category;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class CookieCsvTest {

  private static final String HEADER =
      "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\r\n";

  @Test
  void shouldExportAndReimportWithoutChangingAnything() {
    long site = Tenants.siteWithTenant("csv-roundtrip");
    Tenants.member(site, "csv-editor", Role.EDITOR);

    String csv =
        as("csv-editor")
            .get("/v1/tenant/sites/" + site + "/cookies/csv")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .body(startsWith(HEADER))
            .body(containsString("statistics_cookie"))
            .extract()
            .asString();

    as("csv-editor")
        .contentType("text/csv")
        .body(csv)
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(200)
        .body("applied", is(true))
        .body("created", is(0))
        .body("updated", is(0))
        .body("unchanged", is(3));
  }

  @Test
  void shouldExportDefusedFormulasAndImportTheOriginalValues() throws Exception {
    long from = Tenants.siteWithTenant("csv-formulas-from");
    long to = Tenants.siteWithTenant("csv-formulas-to");
    Tenants.member(from, "csv-formulas-from", Role.EDITOR);
    Tenants.member(to, "csv-formulas-to", Role.EDITOR);
    // Name, what it does, why: every value starts as a spreadsheet formula would (or with an
    // apostrophe before one, which must not be taken for the defusing mark).
    Map<String, List<String>> declared = new LinkedHashMap<>();
    declared.put("+plus", List.of("=HYPERLINK(\"https://evil.example\")", "=1+1"));
    declared.put("-minus", List.of("+Tracking", "+1 more"));
    declared.put("@at", List.of("-Ads", "-1 less"));
    declared.put("tabbed", List.of("@Widget", "\tIndented, with a comma"));
    declared.put("carriage", List.of("\rReturned", "'=already quoted"));
    ObjectMapper json = new ObjectMapper();
    for (var cookie : declared.entrySet()) {
      Map<String, Object> body =
          Map.of(
              "name",
              cookie.getKey(),
              "wildcard",
              false,
              "provider",
              "Analytics Inc.",
              "category",
              "statistics",
              "retention",
              "1 year",
              "party",
              "FIRST_PARTY",
              "position",
              5,
              "texts",
              Map.of(
                  "en",
                  Map.of(
                      "functionAndLocation", cookie.getValue().get(0),
                      "purposes", cookie.getValue().get(1))));
      as("csv-formulas-from")
          .contentType("application/json")
          .body(json.writeValueAsString(body))
          .post("/v1/tenant/sites/" + from + "/cookies")
          .then()
          .statusCode(201);
    }

    String csv =
        as("csv-formulas-from")
            .get("/v1/tenant/sites/" + from + "/cookies/csv")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(csv.contains(",'+plus,"), "a name a spreadsheet would run is defused: " + csv);
    assertTrue(csv.contains(",\"'=HYPERLINK(\"\"https://evil.example\"\")\","), csv);
    assertTrue(csv.contains(",\"'\tIndented, with a comma\","), csv);
    assertTrue(csv.contains(",''=already quoted,"), csv);

    as("csv-formulas-to")
        .contentType("text/csv")
        .body(csv)
        .post("/v1/tenant/sites/" + to + "/cookies/csv")
        .then()
        .statusCode(200)
        .body("applied", is(true))
        .body("created", is(declared.size()))
        .body("errors", hasSize(0));

    var imported = as("csv-formulas-to").get("/v1/tenant/sites/" + to + "/cookies").jsonPath();
    for (var cookie : declared.entrySet()) {
      String at = "find { it.name == '" + cookie.getKey() + "' }";
      assertEquals(cookie.getKey(), imported.getString(at + ".name"));
      assertEquals(
          cookie.getValue().get(0), imported.getString(at + ".texts.en.functionAndLocation"));
      assertEquals(cookie.getValue().get(1), imported.getString(at + ".texts.en.purposes"));
    }
  }

  @Test
  void shouldPreviewThenImportAndRefuseAFileWithWrongRows() {
    long site = Tenants.siteWithTenant("csv-import");
    Tenants.member(site, "csv-importer", Role.EDITOR);
    String good =
        HEADER
            + "x,Matomo,Analytics,_pk_id,,Tells visits apart,13 months,InnoCraft,https://matomo.org/privacy-policy/,1\r\n"
            + "x,Shop,Marketing,ad_id,ads.example (3rd party),\"Shows \"\"relevant\"\" ads, on\nevery page\",1 year,Ads Ltd,,0\r\n";
    String bad = good + "x,Shop,Astrology,horoscope,,Reads the stars,1 day,Shop,,0\r\n";

    as("csv-importer")
        .contentType("text/csv")
        .body(good)
        .queryParam("dryRun", true)
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(200)
        .body("applied", is(false))
        .body("created", is(2));
    assertEquals(3, cookies(site), "a preview changes nothing");
    as("csv-importer")
        .contentType("text/csv")
        .body(bad)
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("line 4: Category"));
    assertEquals(3, cookies(site), "a file with a wrong row changes nothing");

    as("csv-importer")
        .contentType("text/csv")
        .body(good)
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(200)
        .body("applied", is(true))
        .body("created", is(2));
    as("csv-importer")
        .get("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .body("find { it.name == '_pk_id' }.wildcard", is(true))
        .body("find { it.name == '_pk_id' }.provider", is("InnoCraft"))
        .body("find { it.name == 'ad_id' }.party", is("THIRD_PARTY"))
        .body("find { it.name == 'ad_id' }.domain", is("ads.example"))
        .body(
            "find { it.name == 'ad_id' }.texts.en.purposes",
            is("Shows \"relevant\" ads, on\nevery page"));
    as("csv-importer")
        .get("/v1/tenant/sites/" + site + "/providers")
        .then()
        .body("name", hasItem("Ads Ltd"));
  }

  @Test
  void shouldReuseAKnownProviderAndNameWhereRowsGo() {
    long site = Tenants.siteWithTenant("csv-match");
    Tenants.member(site, "csv-matcher", Role.EDITOR);
    String csv =
        HEADER
            + "x,Matomo,Analytics,_pk_id,,Visitor id,13 months,ANALYTICS  inc.,,1\r\n"
            + "x,Matomo,Analytics,_pk_id.,,Visitor id,2 semaines,Matomo,,1\r\n";

    as("csv-matcher")
        .contentType("text/csv")
        .body(csv)
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(200)
        .body("applied", is(true))
        .body("providers.existing", is(java.util.Arrays.asList("Analytics Inc.", null)))
        .body("providers.name", is(List.of("ANALYTICS  inc.", "Matomo")))
        .body("categories[0].category", is("statistics"))
        .body("overlaps[0].line", is(3))
        .body("overlaps[0].pattern", is("_pk_id.*"))
        .body("overlaps[0].other", is("_pk_id*"));
    as("csv-matcher")
        .get("/v1/tenant/sites/" + site + "/providers")
        .then()
        .body("name", is(List.of("Analytics Inc.", "Matomo")));
    as("csv-matcher")
        .get("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .body("find { it.name == '_pk_id' }.provider", is("Analytics Inc."))
        .body("find { it.name == '_pk_id' }.retention.unit", is("MONTHS"))
        .body("find { it.name == '_pk_id' }.retention.amount", is(13))
        .body("find { it.name == '_pk_id.' }.retention.unit", is("WEEKS"))
        .body("find { it.name == '_pk_id.' }.retention.amount", is(2));
  }

  @Test
  void shouldRefuseABodyOverThePlatformsLimitWithAProblem() {
    long site = Tenants.siteWithTenant("csv-huge");
    Tenants.member(site, "csv-huge-editor", Role.EDITOR);
    StringBuilder csv = new StringBuilder(HEADER);
    while (csv.length() < 22 * 1024 * 1024) {
      csv.append("x,Site,Analytics,c,,x,1 day,Site,,0\r\n");
    }

    as("csv-huge-editor")
        .contentType("text/csv")
        .body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", is(413))
        .body("title", is("Request Entity Too Large"))
        .body("detail", containsString("larger than"));
    assertEquals(3, cookies(site), "nothing imported");
  }

  @Test
  void shouldRefuseAFileOverTheImportLimitBeforeReadingIt() {
    long site = Tenants.siteWithTenant("csv-limit");
    Tenants.member(site, "csv-limit-editor", Role.EDITOR);
    // Valid, distinct rows: under the platform's 10 MB, over the import's 2 MB.
    byte[] csv = distinctRows(60_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(csv.length > 2 * 1024 * 1024 && csv.length < 10 * 1024 * 1024, "" + csv.length);

    as("csv-limit-editor")
        .contentType("text/csv")
        .body(csv)
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", is(413))
        .body(
            "detail",
            is(
                "The file is larger than 2097152 bytes, the most one CSV import takes; split it"
                    + " into smaller files"));
    assertEquals(3, cookies(site), "nothing imported");
  }

  @Test
  void shouldRefuseABodySentWithoutItsLengthOnceItPassesTheLimit() throws Exception {
    long site = Tenants.siteWithTenant("csv-chunked");
    Tenants.member(site, "csv-chunked-editor", Role.EDITOR);
    // Few lines, long ones: the body's size is the first limit it passes.
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < 2_000; i++) {
      text.append("x,Site,Analytics,long_").append(i).append(",,");
      text.append("d".repeat(1_500)).append(",1 day,Site,,0\r\n");
    }
    byte[] csv = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(csv.length > 2 * 1024 * 1024, "" + csv.length);

    // An InputStream of unknown length: sent in chunks, with no Content-Length to check first.
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            RestAssured.baseURI
                                + ":"
                                + RestAssured.port
                                + "/v1/tenant/sites/"
                                + site
                                + "/cookies/csv"))
                    .header("Authorization", "Bearer " + OidcServer.token("csv-chunked-editor"))
                    .header("Content-Type", "text/csv")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(csv)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(413, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("larger than 2097152 bytes"), answer.body());
    assertEquals(3, cookies(site), "nothing imported");
  }

  @Test
  void shouldRefuseAFileOfMoreLinesThanTheLimitAndImportNothing() {
    long site = Tenants.siteWithTenant("csv-rows");
    Tenants.member(site, "csv-rows-editor", Role.EDITOR);

    as("csv-rows-editor")
        .contentType("text/csv")
        .body(distinctRows(10_000))
        .queryParam("skipInvalid", true)
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", is("The file has more than 10000 lines, the most one import takes"));
    assertEquals(3, cookies(site), "nothing imported");

    as("csv-rows-editor")
        .contentType("text/csv")
        .body(distinctRows(9_999))
        .queryParam("dryRun", true)
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(200)
        .body("created", is(9_999));
  }

  @Test
  void shouldRefuseALineWithTooManyFieldsOrATooLongOne() {
    long site = Tenants.siteWithTenant("csv-cells");
    Tenants.member(site, "csv-cells-editor", Role.EDITOR);
    String wide = HEADER + "x,Site,Analytics,c,,x,1 day,Site,,0" + ",x".repeat(11) + "\r\n";
    String tall = HEADER + "x,Site,Analytics,c,," + "d".repeat(4001) + ",1 day,Site,,0\r\n";

    as("csv-cells-editor")
        .contentType("text/csv")
        .body(wide)
        .queryParam("dryRun", true)
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", is("Line 2 has 21 fields, more than the 20 a file may have"));
    as("csv-cells-editor")
        .contentType("text/csv")
        .body(tall)
        .queryParam("dryRun", true)
        .post("/v1/tenant/sites/" + site + "/cookies/csv")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "detail",
            is("Line 2 has a field longer than 4000 characters, the most one field may hold"));
    assertEquals(3, cookies(site), "nothing imported");
  }

  /** The header and {@code rows} valid declarations, each of its own cookie. */
  private static String distinctRows(int rows) {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < rows; i++) {
      csv.append("x,Site,Analytics,cookie_").append(i).append(",,Counts visits,1 day,Site,,0\r\n");
    }
    return csv.toString();
  }

  @Test
  void shouldImportTheOpenCookieDatabase() throws Exception {
    Path file =
        Path.of(
            System.getProperty("consent.shared-data"),
            "open-cookie-database",
            "open-cookie-database.csv");
    assertTrue(Files.isReadable(file), "the shared Open Cookie Database is at " + file);
    long site = Tenants.siteWithTenant("csv-ocd");
    Tenants.member(site, "csv-ocd-editor", Role.EDITOR);
    addPreferencesCategory(site);
    String csv = Files.readString(file);
    long rows = csv.lines().count() - 1;

    var report =
        as("csv-ocd-editor")
            .contentType("text/csv")
            .body(csv)
            .queryParam("skipInvalid", true)
            .post("/v1/tenant/sites/" + site + "/cookies/csv")
            .then()
            .statusCode(200)
            .body("applied", is(true))
            .body("created", greaterThan(2000))
            .extract()
            .jsonPath();

    int created = report.getInt("created");
    int skipped = report.getList("errors").size();
    System.out.printf(
        "Open Cookie Database: %d rows, %d imported, %d skipped%n", rows, created, skipped);
    assertEquals(rows, created + skipped + report.getInt("updated") + report.getInt("unchanged"));
    assertEquals(3 + created, cookies(site));
    as("csv-ocd-editor")
        .get("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .body("find { it.name == 'CookieConsent' }.category", is("preferences"))
        .body("find { it.name == 'CookieConsent' }.provider", is("Cookiebot"))
        .body("find { it.name == 'CookieConsent' }.retention.unit", is("YEARS"))
        .body("find { it.name == 'CookieConsent' }.retention.amount", is(1));
  }

  private static void addPreferencesCategory(long siteId) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Category category = new Category();
              category.site = Site.findById(siteId);
              category.key = "preferences";
              category.purpose = Purpose.PREFERENCES;
              category.position = 9;
              category.texts =
                  new TreeMap<>(Map.of("en", new CategoryText("Preferences", "Remember choices")));
              category.persist();
            });
  }

  private static long cookies(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Cookie.count("site.id", siteId));
  }
}
