package io.consentplatform.api.tenant;

import static io.consentplatform.api.tenant.TenantApiTest.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.VendorSignal;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of a site's settings through the tenant API, the same as the back office's: domains
 * (pasted addresses, host names, public suffixes), language codes, the data controller.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class SiteRulesTest {

  @Inject PolicyService policies;

  private static long site;

  @BeforeEach
  void tenant() {
    if (site == 0) {
      site = Tenants.siteWithTenant("rules-shop");
      Tenants.member(site, "editor-rules", Role.EDITOR);
      policies.publish(site, "test");
    }
  }

  @Test
  void shouldKeepTheHostAndPortOfPastedAddresses() {
    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(
            site(
                "rules-pasted",
                "[\"https://www.example.org/page\",\"http://localhost:8080/x\",\"127.0.0.1:8080\"]",
                "[\"en\",\"fr\"]",
                "en"))
        .post("/v1/tenant/sites")
        .then()
        .statusCode(201)
        .body("domains", contains("www.example.org", "localhost:8080", "127.0.0.1:8080"));

    assertEquals(
        List.of("www.example.org", "localhost:8080", "127.0.0.1:8080"),
        QuarkusTransaction.requiringNew()
            .call(() -> List.copyOf(Site.findByKey("rules-pasted").orElseThrow().domains)));
  }

  @Test
  void shouldRefuseADomainThatIsNotAHostNameAndCreateNothing() {
    for (String bad : List.of("opendata.exmple..org", "co.uk", "org", "opendata.exmple.orgg")) {
      as("editor-rules")
          .contentType(ContentType.JSON)
          .body(site("rules-bad-domain", "[\"www.example.org\",\"" + bad + "\"]", "[\"en\"]", "en"))
          .post("/v1/tenant/sites")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.field", contains("domains[1]"))
          .body("errors[0].message", startsWith(bad + " "));
    }
    assertTrue(
        QuarkusTransaction.requiringNew().call(() -> Site.findByKey("rules-bad-domain").isEmpty()));
  }

  @Test
  void shouldRefuseALanguageCodeOutsideIso639() {
    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(site("rules-bad-language", "[]", "[\"en\",\"xx\"]", "xx"))
        .post("/v1/tenant/sites")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("languages[1]"))
        .body("errors.field", hasItem("defaultLanguage"))
        .body("errors.message", hasItem(containsString("xx is not a language code")));
    assertTrue(
        QuarkusTransaction.requiringNew()
            .call(() -> Site.findByKey("rules-bad-language").isEmpty()));
  }

  @Test
  void shouldKeepTheDataControllerAndRefuseAContactThatIsNeitherMailNorWeb() {
    String current =
        as("editor-rules").get("/v1/tenant/sites/" + site).then().extract().header("ETag");
    String withController =
        site("rules-shop", "[\"rules-shop.example\"]", "[\"en\",\"fr\"]", "en")
            .replace(
                "}",
                ",\"controller\":{\"legalName\":\"Rules Shop Ltd\",\"postalAddress\":\"1 Main"
                    + " St\\nCary\",\"contact\":\"https://rules-shop.example/contact\","
                    + "\"dpoContact\":\"  \"}}");

    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(withController.replace("https://rules-shop.example/contact", "call us"))
        .put("/v1/tenant/sites/" + site)
        .then()
        .statusCode(422)
        .body("errors.field", contains("controller.contact"));
    as("editor-rules")
        .get("/v1/tenant/sites/" + site)
        .then()
        .header("ETag", is(current))
        .body("controller.legalName", nullValue());

    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(withController)
        .header("If-Match", current)
        .put("/v1/tenant/sites/" + site)
        .then()
        .statusCode(200)
        .body("controller.legalName", is("Rules Shop Ltd"))
        .body("controller.postalAddress", is("1 Main St\nCary"))
        .body("controller.contact", is("https://rules-shop.example/contact"))
        .body("controller.dpoContact", nullValue());
  }

  @Test
  void shouldKeepACookieDomainWithoutItsDotAndTheVendorSignalsChosen() {
    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(
            site(
                    "rules-cary",
                    "[\"www.townofcary.org\",\"data.townofcary.org:8443\"]",
                    "[\"en\"]",
                    "en")
                .replace(
                    "}",
                    ",\"cookieDomain\":\" .TownOfCary.org\",\"vendorSignals\":[\"uet\",\"google\",\"uet\"]}"))
        .post("/v1/tenant/sites")
        .then()
        .statusCode(201)
        .body("cookieDomain", is("townofcary.org"))
        .body("vendorSignals", contains("uet", "google"));
    Site stored =
        QuarkusTransaction.requiringNew().call(() -> Site.findByKey("rules-cary").orElseThrow());
    assertEquals("townofcary.org", stored.cookieDomain);
    assertEquals(List.of(VendorSignal.UET, VendorSignal.GOOGLE), stored.vendorSignals);
  }

  @Test
  void shouldGiveANewSiteGoogleAloneAndKeepTheSignalsOfAClientThatSendsNone() {
    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(site("rules-signals", "[\"rules-signals.example\"]", "[\"en\"]", "en"))
        .post("/v1/tenant/sites")
        .then()
        .statusCode(201)
        .body("cookieDomain", nullValue())
        .body("vendorSignals", contains("google"));
    long id =
        QuarkusTransaction.requiringNew()
            .call(() -> Site.findByKey("rules-signals").orElseThrow().id);
    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(
            site("rules-signals", "[\"rules-signals.example\"]", "[\"en\"]", "en")
                .replace("}", ",\"vendorSignals\":[\"clarity\",\"meta\"]}"))
        .put("/v1/tenant/sites/" + id)
        .then()
        .statusCode(200)
        .body("vendorSignals", contains("clarity", "meta"));
    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(site("rules-signals", "[\"rules-signals.example\"]", "[\"en\"]", "en"))
        .put("/v1/tenant/sites/" + id)
        .then()
        .statusCode(200)
        .body("vendorSignals", contains("clarity", "meta"));
    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(
            site("rules-signals", "[\"rules-signals.example\"]", "[\"en\"]", "en")
                .replace("}", ",\"vendorSignals\":[]}"))
        .put("/v1/tenant/sites/" + id)
        .then()
        .statusCode(200)
        .body("vendorSignals", empty());
  }

  @Test
  void shouldRefuseAnUnknownVendorSignalAndCreateNothing() {
    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(
            site("rules-yahoo", "[\"rules-yahoo.example\"]", "[\"en\"]", "en")
                .replace("}", ",\"vendorSignals\":[\"yahoo\"]}"))
        .post("/v1/tenant/sites")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    assertTrue(
        QuarkusTransaction.requiringNew().call(() -> Site.findByKey("rules-yahoo").isEmpty()));
  }

  @Test
  void shouldRefuseACookieDomainThatNoCookieCanUseOrThatMissesADomain() {
    // cookie domain, the site's domains, what the message names
    List<List<String>> cases =
        List.of(
            List.of("github.io", "[\"user.github.io\"]", "github.io is shared by many sites"),
            List.of("co.uk", "[\"www.cary.co.uk\"]", "co.uk is shared by many sites"),
            List.of("localhost", "[\"localhost:8080\"]", "localhost is shared by many sites"),
            List.of(
                "example.org:8080",
                "[\"example.org:8080\"]",
                "example.org:8080 is not a domain name"),
            List.of("127.0.0.1", "[\"127.0.0.1:8080\"]", "127.0.0.1 is not a domain name"),
            List.of(
                "townofcary.org",
                "[\"www.townofcary.org\",\"notownofcary.org\",\"shop.example.com\"]",
                "would not reach notownofcary.org, shop.example.com"));
    for (List<String> bad : cases) {
      as("editor-rules")
          .contentType(ContentType.JSON)
          .body(
              site("rules-bad-cookie-domain", bad.get(1), "[\"en\"]", "en")
                  .replace("}", ",\"cookieDomain\":\"" + bad.get(0) + "\"}"))
          .post("/v1/tenant/sites")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.field", contains("cookieDomain"))
          .body("errors[0].message", containsString(bad.get(2)));
    }
    assertTrue(
        QuarkusTransaction.requiringNew()
            .call(() -> Site.findByKey("rules-bad-cookie-domain").isEmpty()));
  }

  @Test
  void shouldRefuseADomainChangeThatLeavesTheCookieDomainAndChangeNothing() {
    String shared =
        site("rules-shared", "[\"a.town.test\",\"b.town.test\"]", "[\"en\"]", "en")
            .replace("}", ",\"cookieDomain\":\"town.test\"}");
    long id =
        as("editor-rules")
            .contentType(ContentType.JSON)
            .body(shared)
            .post("/v1/tenant/sites")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    String current =
        as("editor-rules").get("/v1/tenant/sites/" + id).then().extract().header("ETag");

    as("editor-rules")
        .contentType(ContentType.JSON)
        .body(shared.replace("\"b.town.test\"", "\"b.town.test\",\"shop.city.test\""))
        .put("/v1/tenant/sites/" + id)
        .then()
        .statusCode(422)
        .body("errors.field", contains("cookieDomain"))
        .body("errors[0].message", containsString("shop.city.test"));
    as("editor-rules")
        .get("/v1/tenant/sites/" + id)
        .then()
        .header("ETag", is(current))
        .body("domains", contains("a.town.test", "b.town.test"))
        .body("cookieDomain", is("town.test"));
  }

  private static String site(String key, String domains, String languages, String language) {
    return "{\"key\":\""
        + key
        + "\",\"name\":\"Rules\",\"domains\":"
        + domains
        + ",\"languages\":"
        + languages
        + ",\"defaultLanguage\":\""
        + language
        + "\"}";
  }
}
