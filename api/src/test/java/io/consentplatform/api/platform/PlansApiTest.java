package io.consentplatform.api.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.api.tenant.OidcServer;
import io.consentplatform.core.audit.AuditEntry;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.Impressions;
import io.consentplatform.core.csv.CsvFiles;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.GreenMailResource;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.consentplatform.core.usage.DecisionMeter;
import io.consentplatform.core.usage.QuotaNotices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Plans, their limits and usage metering, through the platform API and the tenant API: a limit
 * refuses with a problem naming it, a visitor's decision is never refused, and the usage export
 * counts what the test produced itself.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
@WithTestResource(GreenMailResource.class)
class PlansApiTest {

  private static final String CUSTOM =
      "{\"policyVersion\":1,\"action\":\"custom\",\"choices\":{\"necessary\":true,"
          + "\"statistics\":true,\"marketing\":false},\"lang\":\"fr\",\"method\":\"settings\"}";

  @Inject PolicyService policies;
  @Inject DecisionMeter meter;
  @Inject Impressions impressions;
  @Inject QuotaNotices notices;
  @Inject DataSource dataSource;

  @Test
  void shouldLetOperatorsDefinePlansButNotChangeThoseOfTheConfiguration() {
    String plan =
        "{\"code\":\"crud-small\",\"name\":\"Small\",\"maxSites\":2,\"maxMembers\":3,"
            + "\"features\":[\"webhooks\"]}";
    operator()
        .body(plan)
        .post("/v1/platform/plans")
        .then()
        .statusCode(201)
        .header("Location", containsString("/v1/platform/plans/crud-small"))
        .body("maxSites", is(2))
        .body("maxDecisionsPerMonth", nullValue())
        .body("fromConfiguration", is(false));
    operator().body(plan).post("/v1/platform/plans").then().statusCode(409);
    operator()
        .body("{\"code\":\"crud-bad\",\"name\":\"Bad\",\"maxMembers\":0}")
        .post("/v1/platform/plans")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("maxMembers"));
    operator()
        .body("{\"code\":\"crud-bad\",\"name\":\"Bad\",\"features\":[\"teleport\"]}")
        .post("/v1/platform/plans")
        .then()
        .statusCode(422);
    operator().get("/v1/platform/plans/crud-bad").then().statusCode(404);

    operator()
        .body("{\"name\":\"Small+\",\"maxSites\":5,\"features\":[]}")
        .put("/v1/platform/plans/crud-small")
        .then()
        .statusCode(200)
        .body("name", is("Small+"))
        .body("maxSites", is(5))
        .body("maxMembers", nullValue());
    operator().get("/v1/platform/plans/crud-small").then().body("name", is("Small+"));
    assertTrue(
        QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        AuditEntry.count(
                            "tenantId is null and entity = 'plan' and entityId = 'crud-small'"))
            >= 2,
        "creating and changing a plan is in the platform's trail");

    // The configuration's plan: read-only here.
    operator()
        .get("/v1/platform/plans/configured")
        .then()
        .statusCode(200)
        .body("fromConfiguration", is(true))
        .body("maxSites", is(3))
        .body("features", hasItem("scanner"));
    operator()
        .body("{\"name\":\"Changed\"}")
        .put("/v1/platform/plans/configured")
        .then()
        .statusCode(409)
        .body("detail", containsString("configuration"));
    operator().delete("/v1/platform/plans/configured").then().statusCode(409);
    operator()
        .get("/v1/platform/plans/configured")
        .then()
        .body("name", is("Basic (configuration)"));

    // A plan in use cannot go.
    long site = SiteFixture.create("plans-crud");
    long tenant = tenantOf(site);
    operator()
        .body("{\"plan\":\"crud-small\"}")
        .put("/v1/platform/tenants/" + tenant + "/plan")
        .then()
        .statusCode(200);
    operator()
        .body("{\"plan\":\"no-such-plan\"}")
        .put("/v1/platform/tenants/" + tenant + "/plan")
        .then()
        .statusCode(422);
    operator()
        .body("{\"plan\":\"crud-small\"}")
        .put("/v1/platform/tenants/999999/plan")
        .then()
        .statusCode(404);
    operator().delete("/v1/platform/plans/crud-small").then().statusCode(409);
    operator()
        .body("{\"plan\":\"unlimited\"}")
        .put("/v1/platform/tenants/" + tenant + "/plan")
        .then()
        .statusCode(200);
    operator().delete("/v1/platform/plans/crud-small").then().statusCode(204);
    operator().get("/v1/platform/plans/crud-small").then().statusCode(404);

    // Not an operator: refused.
    Tenants.owner(site, "plans-crud-owner");
    given()
        .auth()
        .oauth2(OidcServer.token("plans-crud-owner"))
        .get("/v1/platform/plans")
        .then()
        .statusCode(403);
  }

  @Test
  void shouldRefuseWhatThePlanDoesNotAllowNamingTheLimit() throws Exception {
    long site = SiteFixture.create("plans-limits", List.of("plans-limits.example"));
    long tenant = tenantOf(site);
    Tenants.owner(site, "plans-limits-owner");
    operator()
        .body(
            "{\"code\":\"limits-tiny\",\"name\":\"Tiny\",\"maxSites\":1,\"maxMembers\":1,"
                + "\"maxPagesPerScan\":5,\"maxScansPerMonth\":0}")
        .post("/v1/platform/plans")
        .then()
        .statusCode(201);
    operator()
        .body("{\"plan\":\"limits-tiny\"}")
        .put("/v1/platform/tenants/" + tenant + "/plan")
        .then()
        .statusCode(200);
    RequestSpecification owner = owner("plans-limits-owner");

    refused(
        owner
            .body(
                "{\"key\":\"plans-limits-two\",\"name\":\"Two\",\"domains\":[],"
                    + "\"languages\":[\"en\"],\"defaultLanguage\":\"en\"}")
            .post("/v1/tenant/sites"),
        403,
        "max-sites",
        "limits-tiny");
    refused(
        owner("plans-limits-owner")
            .body(
                "{\"subject\":\"friend\",\"email\":\"friend@limits.example\",\"role\":\"VIEWER\"}")
            .post("/v1/tenant/members"),
        403,
        "max-members",
        "limits-tiny");
    refused(
        owner("plans-limits-owner").post("/v1/tenant/sites/" + site + "/scans"),
        403,
        "feature:scanner",
        "limits-tiny");
    refused(
        owner("plans-limits-owner")
            .body("{\"url\":\"https://93.184.215.14/limits\",\"events\":[\"policy.published\"]}")
            .post("/v1/tenant/webhooks"),
        403,
        "feature:webhooks",
        "limits-tiny");
    refused(
        owner("plans-limits-owner")
            .body("{\"schedule\":\"WEEKLY\",\"pageCap\":6}")
            .put("/v1/tenant/sites/" + site + "/scan-settings"),
        403,
        "max-pages-per-scan",
        "limits-tiny");
    owner("plans-limits-owner")
        .body("{\"schedule\":\"WEEKLY\",\"pageCap\":5}")
        .put("/v1/tenant/sites/" + site + "/scan-settings")
        .then()
        .statusCode(200);

    // With the scanner but no scans left this month: come back later (429).
    operator()
        .body(
            "{\"name\":\"Tiny\",\"maxSites\":1,\"maxMembers\":1,\"maxPagesPerScan\":5,"
                + "\"maxScansPerMonth\":0,\"features\":[\"scanner\"]}")
        .put("/v1/platform/plans/limits-tiny")
        .then()
        .statusCode(200);
    refused(
        owner("plans-limits-owner").post("/v1/tenant/sites/" + site + "/scans"),
        429,
        "max-scans-per-month",
        "limits-tiny");

    assertEquals(
        1L,
        (long) QuarkusTransaction.requiringNew().call(() -> Site.count("tenant.id = ?1", tenant)),
        "no site was added");
    assertEquals(
        1L,
        (long)
            QuarkusTransaction.requiringNew()
                .call(() -> TenantMember.count("tenant.id = ?1", tenant)),
        "no member was added");
    assertEquals(0, scans(site), "no scan was queued");

    // What the tenant sees of its plan.
    owner("plans-limits-owner")
        .get("/v1/tenant/plan")
        .then()
        .statusCode(200)
        .body("plan.code", is("limits-tiny"))
        .body("plan.maxSites", is(1))
        .body("overQuota.size()", is(0));
  }

  @Test
  void shouldRecordEveryDecisionOverTheQuotaAndTellTheTenantOnce() throws Exception {
    String key = "plans-decisions";
    long site = SiteFixture.create(key);
    policies.publish(site, "test");
    long tenant = tenantOf(site);
    Tenants.owner(site, "plans-decisions-owner");
    operator()
        .body("{\"code\":\"decisions-two\",\"name\":\"Two decisions\",\"maxDecisionsPerMonth\":2}")
        .post("/v1/platform/plans")
        .then()
        .statusCode(201);
    operator()
        .body("{\"plan\":\"decisions-two\"}")
        .put("/v1/platform/tenants/" + tenant + "/plan")
        .then()
        .statusCode(200);

    int decisions = 5;
    for (int i = 0; i < decisions; i++) {
      given()
          .contentType(ContentType.JSON)
          .body(CUSTOM)
          .post("/v1/sites/" + key + "/consents")
          .then()
          .statusCode(201);
    }
    int views = 3;
    for (int i = 0; i < views; i++) {
      given().post("/v1/sites/" + key + "/impressions").then().statusCode(204);
    }
    insertFinishedScan(site, tenant, 3);
    insertFinishedScan(site, tenant, 4);
    meter.flush();
    impressions.flush();

    assertEquals(
        (long) decisions,
        (long) QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count("site.id", site)),
        "every decision is in the consent log");
    owner("plans-decisions-owner")
        .get("/v1/tenant/plan")
        .then()
        .statusCode(200)
        .body("usage.decisions", is(decisions))
        .body("usage.bannerViews", is(views))
        .body("usage.scans", is(2))
        .body("usage.pagesScanned", is(7))
        .body("overQuota", hasItem("max-decisions-per-month"));

    // The operator's export, against the counts above.
    String month = YearMonth.now(ZoneOffset.UTC).toString();
    String csv =
        operator()
            .accept("text/csv")
            .queryParam("month", month)
            .get("/v1/platform/usage")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    List<List<String>> rows = CsvFiles.read(new StringReader(csv));
    assertEquals(
        List.of(
            "tenant_id",
            "slug",
            "name",
            "plan",
            "month",
            "banner_views",
            "decisions",
            "scans",
            "pages_scanned",
            "over_quota"),
        rows.get(0));
    List<String> mine =
        rows.stream()
            .filter(r -> r.get(0).equals(String.valueOf(tenant)))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("decisions-two", month, "3", "5", "2", "7", "true"), mine.subList(3, 10));
    operator()
        .accept(ContentType.JSON)
        .queryParam("month", month)
        .get("/v1/platform/usage")
        .then()
        .statusCode(200)
        .body("find { it.tenantId == " + tenant + " }.overQuota", is(true));
    operator()
        .accept("text/csv")
        .queryParam("month", "last-year")
        .get("/v1/platform/usage")
        .then()
        .statusCode(422);
    String lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
    operator()
        .accept(ContentType.JSON)
        .queryParam("month", lastMonth)
        .get("/v1/platform/usage")
        .then()
        .body("find { it.tenantId == " + tenant + " }.decisions", is(0));

    // The owners are mailed once.
    assertTrue(notices.check() >= 1);
    assertEquals(0, notices.check(), "a second check tells no one again");
    List<MimeMessage> mails = GreenMailResource.receivedBy("plans-decisions-owner@example.org");
    assertEquals(1, mails.size(), "one mail to the owner");
    assertTrue(((String) mails.get(0).getContent()).contains("decisions-two"));

    // A decision over the quota is still recorded.
    given()
        .contentType(ContentType.JSON)
        .body(CUSTOM)
        .post("/v1/sites/" + key + "/consents")
        .then()
        .statusCode(201);
  }

  private static void refused(
      io.restassured.response.Response answer, int status, String limit, String plan) {
    answer
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("limit", is(limit))
        .body("plan", is(plan))
        .body("detail", containsString(limit));
  }

  private static RequestSpecification operator() {
    return given()
        .auth()
        .oauth2(OidcServer.operatorToken("plans-operator"))
        .contentType(ContentType.JSON);
  }

  private static RequestSpecification owner(String subject) {
    return given().auth().oauth2(OidcServer.token(subject)).contentType(ContentType.JSON);
  }

  private static long tenantOf(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).tenant.id);
  }

  private int scans(long siteId) throws Exception {
    try (var connection = dataSource.getConnection();
        var query = connection.prepareStatement("select count(*) from scan where site_id = ?")) {
      query.setLong(1, siteId);
      try (var result = query.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private void insertFinishedScan(long siteId, long tenantId, int pages) throws Exception {
    try (var connection = dataSource.getConnection();
        var insert =
            connection.prepareStatement(
                "insert into scan (tenant_id, site_id, status, trigger, requested_by, page_cap,"
                    + " pages_visited, finished_at) values (?, ?, 'DONE', 'MANUAL', 'test', 10, ?,"
                    + " now())")) {
      insert.setLong(1, tenantId);
      insert.setLong(2, siteId);
      insert.setInt(3, pages);
      insert.executeUpdate();
    }
  }

  /** People in tenants, for these tests. */
  static final class Tenants {
    static void owner(long siteId, String subject) {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                TenantMember member = new TenantMember();
                member.tenant = Site.<Site>findById(siteId).tenant;
                member.subject = subject;
                member.email = subject + "@example.org";
                member.role = Role.OWNER;
                member.persist();
              });
    }
  }
}
