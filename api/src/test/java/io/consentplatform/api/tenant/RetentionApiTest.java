package io.consentplatform.api.tenant;

import static io.consentplatform.api.tenant.TenantApiTest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A cookie's retention through the API: a duration each language writes its own way. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class RetentionApiTest {

  private static String cookie(String name, String retention) {
    return "{\"name\":\""
        + name
        + "\",\"provider\":\"Analytics Inc.\",\"category\":\"statistics\",\"retention\":"
        + retention
        + ",\"party\":\"FIRST_PARTY\",\"position\":3,\"texts\":{\"en\":{\"functionAndLocation\":"
        + "\"All pages\",\"purposes\":\"To count visits\"}}}";
  }

  @Test
  void shouldKeepADurationAndItsNotesAndWriteThemInEachLanguage() {
    long site = Tenants.siteWithTenant("retention-api");
    Tenants.member(site, "retention-editor", Role.EDITOR);

    as("retention-editor")
        .contentType(ContentType.JSON)
        .body(
            cookie(
                "_visits",
                "{\"unit\":\"WEEKS\",\"amount\":2,\"notes\":{\"fr\":\"après la dernière visite\"}}"))
        .post("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .statusCode(201)
        .body("retention.unit", is("WEEKS"))
        .body("retention.amount", is(2))
        .body("retention.notes.fr", is("après la dernière visite"));
    as("retention-editor")
        .contentType(ContentType.JSON)
        .body(cookie("_former", "\"13 months\""))
        .post("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .statusCode(201)
        .body("retention.unit", is("MONTHS"))
        .body("retention.amount", is(13));
    as("retention-editor")
        .contentType(ContentType.JSON)
        .body(cookie("_session", "{\"unit\":\"SESSION\"}"))
        .post("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .statusCode(201)
        .body("retention.unit", is("SESSION"))
        .body("retention.amount", nullValue());
    as("retention-editor").post("/v1/tenant/sites/" + site + "/versions").then().statusCode(201);

    Document english = page("/sites/retention-api/cookie-policy?lang=en");
    Document french = page("/sites/retention-api/cookie-policy?lang=fr");
    assertEquals(
        List.of("2 weeks", "13 months", "Session"), retentions(english, "_visits", "_former"));
    assertEquals(
        List.of("2 semaines (après la dernière visite)", "13 mois", "Durée de la session"),
        retentions(french, "_visits", "_former"));
  }

  @Test
  void shouldGiveTheBannerEachRetentionInItsLanguage() {
    given()
        .get("/v1/sites/townofcary/banner?lang=fr")
        .then()
        .statusCode(200)
        .body(
            "categories[0].cookies.retention",
            is(List.of("2 semaines", "Durée de la session", "1 an", "6 mois")));
    given()
        .get("/v1/sites/townofcary/banner?lang=en")
        .then()
        .statusCode(200)
        .body(
            "categories[0].cookies.retention",
            is(List.of("2 weeks", "Session", "1 year", "6 months")));
  }

  @Test
  void shouldRefuseADurationWithoutItsAmountOrASessionWithOneAndChangeNothing() {
    long site = Tenants.siteWithTenant("retention-bad");
    Tenants.member(site, "retention-bad-editor", Role.EDITOR);
    long before = cookies(site);

    for (String retention :
        List.of(
            "{\"unit\":\"WEEKS\"}",
            "{\"unit\":\"WEEKS\",\"amount\":0}",
            "{\"unit\":\"SESSION\",\"amount\":2}",
            "{\"notes\":{}}",
            "{\"unit\":\"FORTNIGHTS\",\"amount\":1}")) {
      int status =
          as("retention-bad-editor")
              .contentType(ContentType.JSON)
              .body(cookie("_bad", retention))
              .post("/v1/tenant/sites/" + site + "/cookies")
              .then()
              .contentType("application/problem+json")
              .extract()
              .statusCode();
      assertEquals(true, status == 400 || status == 422, retention + " is refused, not " + status);
    }
    as("retention-bad-editor")
        .contentType(ContentType.JSON)
        .body(cookie("_bad", "{\"unit\":\"WEEKS\"}"))
        .post("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("retention.duration"));
    assertEquals(before, cookies(site), "nothing declared");
  }

  private static Document page(String path) {
    return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
  }

  // The retention column of the statistics table: the two named cookies, then the session one.
  private static List<String> retentions(Document page, String first, String second) {
    return List.of(
        retentionOf(page, first), retentionOf(page, second), retentionOf(page, "_session"));
  }

  private static String retentionOf(Document page, String name) {
    return page.select("#category-statistics tbody tr").stream()
        .filter(row -> row.children().eachText().get(2).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not on the page"))
        .children()
        .eachText()
        .get(4);
  }

  private static long cookies(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Cookie.count("site.id", siteId));
  }
}
