package io.consentplatform.api.tenant;

import static io.consentplatform.api.tenant.TenantApiTest.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.audit.AuditEntry;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A site's rules by region through the tenant API: read, replaced, refused field by field with
 * nothing changed, and given to visitors only once published.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class RegionsApiTest {

  private static final String US_OPT_OUT =
      "{\"rules\":[{\"regions\":[\"EU\"],\"experience\":\"opt-in\"},"
          + "{\"regions\":[\"us\",\"CA-QC\"],\"experience\":\"opt-out\"}],"
          + "\"otherwise\":\"notice\",\"refusalLifetimeDays\":200}";

  @Inject PolicyService policies;

  @Test
  void shouldStartANewSiteFromThePlatformsDefaults() {
    long site = Tenants.siteWithTenant("regions-new");
    Tenants.member(site, "viewer-regions-new", Role.VIEWER);

    as("viewer-regions-new")
        .get("/v1/tenant/sites/regions-new/regions")
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("rules[0].regions", contains("EEA", "GB", "CH", "BR", "CA-QC"))
        .body("rules[0].experience", is("opt-in"))
        .body(
            "rules[1].regions",
            contains(
                "US-CA", "US-CO", "US-CT", "US-DE", "US-MD", "US-MN", "US-MT", "US-NE", "US-NH",
                "US-NJ", "US-OR", "US-TX"))
        .body("rules[1].experience", is("opt-out"))
        .body("otherwise", is("opt-in"))
        .body("refusalLifetimeDays", is(184));
  }

  @Test
  void shouldReplaceTheRulesAndGiveThemToVisitorsOncePublished() {
    long site = Tenants.siteWithTenant("regions-put");
    Tenants.member(site, "editor-regions-put", Role.EDITOR);
    policies.publish(site, "test");

    as("editor-regions-put")
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(US_OPT_OUT)
        .put("/v1/tenant/sites/" + site + "/regions")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("rules[1].regions", contains("US", "CA-QC"))
        .body("otherwise", is("notice"))
        .body("refusalLifetimeDays", is(200));

    RegionRules expected =
        new RegionRules(
            List.of(
                new RegionRule(List.of("EU"), Experience.OPT_IN),
                new RegionRule(List.of("US", "CA-QC"), Experience.OPT_OUT)),
            Experience.NOTICE);
    Site saved = QuarkusTransaction.requiringNew().call(() -> Site.findById(site));
    assertEquals(expected, saved.regionRules);
    assertEquals(200, saved.refusalLifetimeDays);
    assertEquals(
        1L,
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    AuditEntry.count(
                        "entity = ?1 and entityId = ?2", "region-rules", String.valueOf(site))),
        "one audit entry");
    var published = policies.current("regions-put").orElseThrow().snapshot().site();
    assertEquals(RegionRules.PLATFORM_DEFAULT, published.regionRules(), "a draft until published");
    assertEquals(184, published.refusalLifetimeDays());

    policies.publish(site, "test");
    var now = policies.current("regions-put").orElseThrow().snapshot().site();
    assertEquals(expected, now.regionRules());
    assertEquals(200, now.refusalLifetimeDays());

    as("editor-regions-put")
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body("{\"rules\":[],\"otherwise\":\"none\"}")
        .put("/v1/tenant/sites/" + site + "/regions")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertEquals(
        expected,
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).regionRules),
        "an edit of an old version changes nothing");
  }

  @Test
  void shouldRefuseBadRulesNamingTheFieldAndChangeNothing() {
    long site = Tenants.siteWithTenant("regions-bad");
    Tenants.member(site, "editor-regions-bad", Role.EDITOR);
    Tenants.member(site, "viewer-regions-bad", Role.VIEWER);
    String path = "/v1/tenant/sites/" + site + "/regions";

    refused(
        "{\"rules\":[{\"regions\":[\"FR\",\"California\"],\"experience\":\"opt-in\"}],"
            + "\"otherwise\":\"opt-in\"}",
        "rules[0].regions[1]");
    refused(
        "{\"rules\":[{\"regions\":[\"FR\"],\"experience\":\"opt-in\"},"
            + "{\"regions\":[],\"experience\":\"none\"}],\"otherwise\":\"opt-in\"}",
        "rules[1].regions");
    refused("{\"rules\":[{\"regions\":[\"FR\"]}],\"otherwise\":\"opt-in\"}", "rules[0].experience");
    refused("{\"rules\":[null],\"otherwise\":\"opt-in\"}", "rules[0]");
    refused("{\"rules\":[]}", "otherwise");
    refused(
        "{\"rules\":[],\"otherwise\":\"opt-in\",\"refusalLifetimeDays\":183}",
        "refusalLifetimeDays");
    refused(
        "{\"rules\":[],\"otherwise\":\"opt-in\",\"refusalLifetimeDays\":396}",
        "refusalLifetimeDays");
    as("editor-regions-bad")
        .contentType(ContentType.JSON)
        .body("{\"rules\":[],\"otherwise\":\"maybe\"}")
        .put(path)
        .then()
        .statusCode(org.hamcrest.Matchers.either(is(400)).or(is(422)))
        .contentType("application/problem+json");
    as("editor-regions-bad")
        .contentType(ContentType.JSON)
        .body("{\"rules\":\"EU\",\"otherwise\":\"opt-in\"}")
        .put(path)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as("viewer-regions-bad")
        .contentType(ContentType.JSON)
        .body(US_OPT_OUT)
        .put(path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    Site unchanged = QuarkusTransaction.requiringNew().call(() -> Site.findById(site));
    assertEquals(RegionRules.PLATFORM_DEFAULT, unchanged.regionRules);
    assertEquals(184, unchanged.refusalLifetimeDays);
    assertEquals(0L, unchanged.version);
  }

  private static void refused(String body, String field) {
    as("editor-regions-bad")
        .contentType(ContentType.JSON)
        .body(body)
        .put("/v1/tenant/sites/regions-bad/regions")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", is(field));
  }

  @Test
  void shouldKeepACategorysSensitivityAndRefuseARequiredSensitiveOne() {
    long site = Tenants.siteWithTenant("regions-sensitive");
    Tenants.member(site, "editor-regions-sensitive", Role.EDITOR);
    String categories = "/v1/tenant/sites/" + site + "/categories";

    as("editor-regions-sensitive")
        .contentType(ContentType.JSON)
        .body(
            "{\"key\":\"health\",\"purpose\":\"PREFERENCES\",\"required\":false,"
                + "\"sensitive\":true,\"position\":5,"
                + "\"texts\":{\"en\":{\"name\":\"Health\",\"description\":\"Symptoms\"}}}")
        .post(categories)
        .then()
        .statusCode(201)
        .body("sensitive", is(true));
    as("editor-regions-sensitive")
        .contentType(ContentType.JSON)
        .body(
            "{\"key\":\"vital\",\"purpose\":\"NECESSARY\",\"required\":true,"
                + "\"sensitive\":true,\"position\":6,"
                + "\"texts\":{\"en\":{\"name\":\"Vital\",\"description\":\"Vital\"}}}")
        .post(categories)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", is("sensitive"));

    policies.publish(site, "test");
    var health = policies.current("regions-sensitive").orElseThrow().snapshot().category("health");
    assertEquals(true, health.orElseThrow().sensitive());
    assertEquals(
        0L,
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    io.consentplatform.core.category.Category.count(
                        "site.id = ?1 and key = 'vital'", site)));
  }
}
