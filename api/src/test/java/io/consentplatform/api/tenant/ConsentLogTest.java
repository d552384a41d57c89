package io.consentplatform.api.tenant;

import static io.consentplatform.api.tenant.TenantApiTest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.consent.Impressions;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class ConsentLogTest {

  private static final String KEY = "log-site";

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject Impressions impressions;

  private static long site;

  @BeforeEach
  void decisions() {
    if (site != 0) {
      return;
    }
    site = Tenants.siteWithTenant(KEY);
    Tenants.member(site, "log-viewer", Role.VIEWER);
    policies.publish(site, "test");
    decide(ConsentAction.ACCEPT_ALL, null);
    decide(ConsentAction.ACCEPT_ALL, null);
    decide(ConsentAction.REJECT_ALL, null);
    decide(ConsentAction.CUSTOM, Map.of("necessary", true, "statistics", true, "marketing", false));
    for (int i = 0; i < 8; i++) {
      given().post("/v1/sites/" + KEY + "/impressions").then().statusCode(204);
    }
    impressions.flush();
  }

  @Test
  void shouldListTheNewestDecisionsFirstWithFilters() {
    as("log-viewer")
        .get("/v1/tenant/sites/" + site + "/consents")
        .then()
        .statusCode(200)
        .body("$", hasSize(4))
        .body("[0].action", is("custom"))
        .body("[3].action", is("accept_all"));
    as("log-viewer")
        .queryParam("action", "accept_all")
        .get("/v1/tenant/sites/" + site + "/consents")
        .then()
        .body("$", hasSize(2))
        .body("action", everyItem(is("accept_all")));
    as("log-viewer")
        .queryParam("version", 2)
        .get("/v1/tenant/sites/" + site + "/consents")
        .then()
        .body("$", hasSize(0));
    as("log-viewer")
        .queryParam("limit", 1)
        .get("/v1/tenant/sites/" + site + "/consents")
        .then()
        .body("$", hasSize(1));
    as("log-viewer")
        .queryParam("action", "maybe")
        .get("/v1/tenant/sites/" + site + "/consents")
        .then()
        .statusCode(422)
        .body("errors.field", contains("action"));
    as("log-viewer")
        .queryParam("from", "yesterday")
        .get("/v1/tenant/sites/" + site + "/consents")
        .then()
        .statusCode(422)
        .body("errors.field", contains("from"));
  }

  @Test
  void shouldExportEveryDecisionAsCsvAndNdjson() throws Exception {
    String csv =
        as("log-viewer")
            .queryParam("format", "csv")
            .get("/v1/tenant/sites/" + site + "/consents/export")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .extract()
            .asString();
    String ndjson =
        as("log-viewer")
            .queryParam("format", "ndjson")
            .get("/v1/tenant/sites/" + site + "/consents/export")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/x-ndjson"))
            .extract()
            .asString();

    List<String> lines = csv.lines().toList();
    // One column per category of the site, headed by its key, instead of a JSON cell.
    assertEquals(
        "consentId,visitorId,version,versionHash,action,method,necessary,statistics,marketing,"
            + "language,gpc,recordedAt,region,experience",
        lines.get(0));
    assertEquals(5, lines.size());
    assertTrue(lines.get(1).contains(",accept_all,"), lines.get(1));
    assertTrue(
        lines.get(4).contains(",custom,banner,granted,granted,denied,en,false,"), lines.get(4));
    List<String> records = ndjson.lines().toList();
    assertEquals(4, records.size());
    Map<?, ?> last = new ObjectMapper().readValue(records.get(3), Map.class);
    assertEquals("custom", last.get("action"));
    assertEquals(
        Map.of("necessary", true, "statistics", true, "marketing", false), last.get("choices"));
    for (int i = 0; i < records.size(); i++) {
      Map<?, ?> choices =
          (Map<?, ?>) new ObjectMapper().readValue(records.get(i), Map.class).get("choices");
      List<String> cells = Arrays.asList(lines.get(i + 1).split(","));
      for (String category : List.of("necessary", "statistics", "marketing")) {
        Object granted = choices.get(category);
        assertEquals(
            granted == null ? "" : (Boolean) granted ? "granted" : "denied",
            cells.get(6 + List.of("necessary", "statistics", "marketing").indexOf(category)),
            "record " + i + ", " + category + ": the CSV says what the NDJSON says");
      }
    }
    as("log-viewer")
        .queryParam("format", "xml")
        .get("/v1/tenant/sites/" + site + "/consents/export")
        .then()
        .statusCode(422);
  }

  @Test
  void shouldCountShowingsDecisionsAndOptInRatesPerDay() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    as("log-viewer")
        .queryParam("from", today)
        .queryParam("to", today)
        .get("/v1/tenant/sites/" + site + "/statistics")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].day", is(today))
        .body("[0].shown", is(8))
        .body("[0].decisions", is(4))
        .body("[0].acceptedAll", is(2))
        .body("[0].rejectedAll", is(1))
        .body("[0].customized", is(1))
        .body("[0].optInRate.statistics", is(0.75f))
        .body("[0].optInRate.marketing", is(0.5f))
        .body("[0].optInRate.necessary", is(1.0f));
    as("log-viewer")
        .get("/v1/tenant/sites/" + site + "/statistics")
        .then()
        .statusCode(200)
        .body("$", hasSize(30));
    as("log-viewer")
        .queryParam("from", "2020-01-01")
        .queryParam("to", today)
        .get("/v1/tenant/sites/" + site + "/statistics")
        .then()
        .statusCode(422);
  }

  private void decide(ConsentAction action, Map<String, Boolean> choices) {
    consents.recordDecision(
        KEY, new Decision(null, 1, action, choices, "en", ConsentMethod.BANNER, false, null, null));
  }
}
