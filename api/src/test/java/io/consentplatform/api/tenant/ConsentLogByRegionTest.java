package io.consentplatform.api.tenant;

import static io.consentplatform.api.tenant.TenantApiTest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.Region;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consent log read by where visitors were and which experience they got: filters (a country
 * finds its subdivisions), exports, the visitor's own export, statistics, the receipt, and no
 * tenant reading another's. The site follows the demo's rules (EU opt-in, US opt-out, elsewhere
 * opt-in), so the experience each record must carry is known here without asking the platform.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class ConsentLogByRegionTest {

  private static final String KEY = "log-regions";
  private static final String OLD_KEY = "log-regions-old";

  @Inject PolicyService policies;
  @Inject ConsentService consents;

  private static long site;
  private static UUID californian;
  private static UUID californianVisitor;

  @BeforeEach
  void decisions() {
    if (site != 0) {
      return;
    }
    site = Tenants.siteWithTenant(KEY);
    Tenants.member(site, "regions-viewer", Role.VIEWER);
    Tenants.member(Tenants.siteWithTenant("log-regions-other"), "regions-other", Role.OWNER);
    QuarkusTransaction.requiringNew()
        .run(() -> Site.<Site>findById(site).regionRules = RegionRules.DEMO);
    policies.publish(site, "test");
    ConsentRecord first = decide(ConsentAction.ACCEPT_ALL, "US-CA");
    californian = first.id;
    californianVisitor = first.visitorId;
    decide(ConsentAction.REJECT_ALL, "US-CA");
    decide(ConsentAction.CUSTOM, "US-NC");
    decide(ConsentAction.ACCEPT_ALL, "FR");
    decide(ConsentAction.REJECT_ALL, null);
  }

  @Test
  void shouldFilterByRegionACountryFindingItsSubdivisionsAndByExperience() {
    assertEquals(List.of("US-NC", "US-CA", "US-CA"), regions(Map.of("region", "US")));
    assertEquals(List.of("US-CA", "US-CA"), regions(Map.of("region", "us-ca")));
    assertEquals(List.of("FR"), regions(Map.of("region", "FR")));
    assertEquals(List.of(), regions(Map.of("region", "CA")));
    as("regions-viewer")
        .queryParam("region", "unknown")
        .get("/v1/tenant/sites/" + site + "/consents")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].region", is((Object) null))
        .body("[0].experience", is("opt-in"))
        .body("[0].action", is("reject_all"));
    as("regions-viewer")
        .queryParam("experience", "opt-out")
        .get("/v1/tenant/sites/" + site + "/consents")
        .then()
        .statusCode(200)
        .body("region", contains("US-NC", "US-CA", "US-CA"))
        .body("experience", contains("opt-out", "opt-out", "opt-out"));
    assertEquals(
        List.of("FR"),
        regions(Map.of("experience", "opt-in", "region", "FR", "action", "accept_all")));
    assertEquals(List.of(), regions(Map.of("experience", "opt-in", "region", "US")));
  }

  @Test
  void shouldRefuseARegionOrExperienceThatIsNotOneAndChangeNothing() throws Exception {
    long before = records();
    for (String bad : List.of("U", "USA", "US-", "FR%", "X1", "")) {
      if (bad.isEmpty()) {
        continue; // blank is no filter at all
      }
      as("regions-viewer")
          .queryParam("region", bad)
          .get("/v1/tenant/sites/" + site + "/consents")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.field", contains("region"));
    }
    as("regions-viewer")
        .queryParam("experience", "opt_out")
        .get("/v1/tenant/sites/" + site + "/consents/export")
        .then()
        .statusCode(422)
        .body("errors.field", contains("experience"));
    assertEquals(before, records());
  }

  @Test
  void shouldExportRegionAndExperienceColumnsAndFilterTheExport() throws Exception {
    String csv =
        as("regions-viewer")
            .queryParam("format", "csv")
            .queryParam("region", "US")
            .get("/v1/tenant/sites/" + site + "/consents/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertTrue(lines.get(0).endsWith(",recordedAt,region,experience"), lines.get(0));
    assertEquals(4, lines.size(), csv);
    assertTrue(lines.get(1).endsWith(",US-CA,opt-out"), lines.get(1));
    assertTrue(lines.get(3).endsWith(",US-NC,opt-out"), lines.get(3));

    String ndjson =
        as("regions-viewer")
            .queryParam("format", "ndjson")
            .get("/v1/tenant/sites/" + site + "/consents/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<Map<?, ?>> records =
        ndjson
            .lines()
            .<Map<?, ?>>map(
                line -> {
                  try {
                    return (Map<?, ?>) new ObjectMapper().readValue(line, Map.class);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertEquals(5, records.size());
    assertEquals("FR", records.get(3).get("region"));
    assertEquals("opt-in", records.get(3).get("experience"));
    assertTrue(records.get(4).containsKey("region"), "an unknown region is written, as null");
    assertEquals(null, records.get(4).get("region"));
  }

  @Test
  void shouldGiveTheVisitorsOwnExportAndReceiptTheirRegionAndExperience() {
    as("regions-viewer")
        .get("/v1/tenant/sites/" + site + "/visitors/" + californianVisitor)
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].region", is("US-CA"))
        .body("[0].experience", is("OPT_OUT"));
    given()
        .get("/v1/sites/" + KEY + "/consents/" + californian)
        .then()
        .statusCode(200)
        .body("region", is("US-CA"))
        .body("experience", is("opt-out"));
  }

  @Test
  void shouldKeepTheReceiptOfADecisionFromBeforeRegionsAsItWas() throws Exception {
    // A site of its own, so that the other tests' counts stay as they are.
    policies.publish(Tenants.siteWithTenant(OLD_KEY), "test");
    ConsentRecord old = decide(OLD_KEY, ConsentAction.ACCEPT_ALL, null);
    try (Connection connection = PostgresResource.superuser()) {
      connection
          .createStatement()
          .execute(
              "alter table consent_record disable trigger consent_record_is_append_only;"
                  + " update consent_record set experience = null where id = '"
                  + old.id
                  + "'; alter table consent_record enable trigger consent_record_is_append_only");
    }
    given()
        .get("/v1/sites/" + OLD_KEY + "/consents/" + old.id)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("region")))
        .body("$", not(hasKey("experience")));
  }

  @Test
  void shouldGroupDecisionsByExperienceAndByRegion() {
    as("regions-viewer")
        .get("/v1/tenant/sites/" + site + "/statistics/breakdown")
        .then()
        .statusCode(200)
        .body("byExperience.key", contains("opt-out", "opt-in"))
        .body("byExperience[0].decisions", is(3))
        .body("byExperience[0].acceptedAll", is(1))
        .body("byExperience[0].rejectedAll", is(1))
        .body("byExperience[0].customized", is(1))
        .body("byExperience[1].decisions", is(2))
        .body("byExperience[1].acceptedAll", is(1))
        .body("byExperience[1].rejectedAll", is(1))
        .body("byRegion[0].key", is("US-CA"))
        .body("byRegion[0].decisions", is(2))
        .body("byRegion.key", containsInAnyOrder("US-CA", "FR", "US-NC", "unknown"));
    as("regions-viewer")
        .queryParam("from", "2026-02-01")
        .queryParam("to", "2026-01-01")
        .get("/v1/tenant/sites/" + site + "/statistics/breakdown")
        .then()
        .statusCode(422)
        .body("errors.field", contains("to"));
  }

  @Test
  void shouldNotLetAnotherTenantFilterOrCountThisSitesRecords() {
    for (String path : List.of("/consents", "/consents/export", "/statistics/breakdown")) {
      String body =
          as("regions-other")
              .queryParam("region", "US")
              .queryParam("experience", "opt-out")
              .get("/v1/tenant/sites/" + site + path)
              .then()
              .statusCode(404)
              .extract()
              .asString();
      assertFalse(body.contains("US-CA"), path + ": " + body);
    }
  }

  private static List<String> regions(Map<String, String> query) {
    return as("regions-viewer")
        .queryParams(query)
        .get("/v1/tenant/sites/" + site + "/consents")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("region", String.class);
  }

  private static long records() throws Exception {
    try (Connection connection = PostgresResource.superuser();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery("select count(*) from consent_record where site_id = " + site)) {
      row.next();
      return row.getLong(1);
    }
  }

  private ConsentRecord decide(ConsentAction action, String region) {
    return decide(KEY, action, region);
  }

  private ConsentRecord decide(String key, ConsentAction action, String region) {
    Map<String, Boolean> choices =
        action == ConsentAction.CUSTOM
            ? Map.of("necessary", true, "statistics", true, "marketing", false)
            : null;
    return consents.recordDecision(
        key,
        new Decision(
            null,
            1,
            action,
            choices,
            "en",
            ConsentMethod.BANNER,
            false,
            null,
            null,
            null,
            region == null ? null : Region.parse(region).orElseThrow()));
  }
}
