package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.db.DomainJson;
import io.consentplatform.core.scan.ObservedCookie;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.ScanObservations;
import io.consentplatform.core.scan.ScanObservations.PassObservations;
import io.consentplatform.core.scan.report.CookieDatabase;
import io.consentplatform.core.scan.report.Declaration;
import io.consentplatform.core.scan.report.ReportBuilder;
import io.consentplatform.core.scan.report.ScanReport;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The tenant API's scans: who may start one (editors and owners), one at a time per site, never
 * another tenant's, their state and report, adding findings to the draft, and the schedule. The
 * scans are not run here (no instance of this suite runs scans): a finished one is given its report
 * as the worker stores it, made from hand-written observations.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class ScanApiTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject DataSource dataSource;

  @Test
  void shouldLetAnEditorQueueOneScanAtATimeAndAViewerOnlyRead() {
    long site = Tenants.siteWithTenant("scan-api-shop");
    Tenants.member(site, "scan-viewer", Role.VIEWER);
    Tenants.member(site, "scan-editor", Role.EDITOR);

    as("scan-viewer")
        .post("/v1/tenant/sites/scan-api-shop/scans")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    as("scan-viewer").get("/v1/tenant/sites/scan-api-shop/scans").then().body("$", hasSize(0));

    var queued = as("scan-editor").post("/v1/tenant/sites/scan-api-shop/scans");
    queued
        .then()
        .statusCode(202)
        .body("status", is("QUEUED"))
        .body("trigger", is("MANUAL"))
        .body("requestedBy", is("scan-editor@example.org"))
        .body("siteKey", is("scan-api-shop"))
        .body("pageCap", is(50));
    int id = queued.path("id");
    assertEquals(
        "/v1/tenant/sites/scan-api-shop/scans/" + id,
        URI.create(queued.header("Location")).getPath());
    as("scan-editor").get(queued.header("Location")).then().statusCode(200).body("id", is(id));

    as("scan-editor")
        .post("/v1/tenant/sites/" + site + "/scans")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("detail", is("A scan of site scan-api-shop is already queued or running"));
    as("scan-viewer")
        .get("/v1/tenant/sites/scan-api-shop/scans")
        .then()
        .statusCode(200)
        .body("id", is(List.of(id)));
    as("scan-viewer")
        .get("/v1/tenant/sites/" + site + "/scans/" + id)
        .then()
        .statusCode(200)
        .body("status", is("QUEUED"))
        .body("report", nullValue());
  }

  @Test
  void shouldHideAnotherTenantsSitesAndScans() {
    long siteA = Tenants.siteWithTenant("scan-api-a");
    Tenants.member(siteA, "scan-owner-a", Role.OWNER);
    long siteB = Tenants.siteWithTenant("scan-api-b");
    Tenants.member(siteB, "scan-owner-b", Role.OWNER);
    int scanOfA =
        as("scan-owner-a").post("/v1/tenant/sites/" + siteA + "/scans").then().extract().path("id");

    as("scan-owner-b").post("/v1/tenant/sites/" + siteA + "/scans").then().statusCode(404);
    as("scan-owner-b").post("/v1/tenant/sites/scan-api-a/scans").then().statusCode(404);
    as("scan-owner-b").get("/v1/tenant/sites/" + siteA + "/scans").then().statusCode(404);
    as("scan-owner-b")
        .get("/v1/tenant/sites/" + siteA + "/scans/" + scanOfA)
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
    as("scan-owner-b")
        .get("/v1/tenant/sites/" + siteB + "/scans/" + scanOfA)
        .then()
        .statusCode(404);
    as("scan-owner-a")
        .get("/v1/tenant/sites/" + siteA + "/scans")
        .then()
        .body("id", is(List.of(scanOfA)));
  }

  @Test
  void shouldRefuseToScanAnArchivedSite() {
    long site = Tenants.siteWithTenant("scan-api-archived");
    Tenants.member(site, "archived-owner", Role.OWNER);
    as("archived-owner").post("/v1/tenant/sites/" + site + "/archive").then().statusCode(200);
    as("archived-owner")
        .post("/v1/tenant/sites/" + site + "/scans")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("detail", is("Site scan-api-archived is archived: it is not scanned"));
    as("archived-owner").get("/v1/tenant/sites/" + site + "/scans").then().body("$", hasSize(0));
  }

  @Test
  void shouldAddFindingsOfAFinishedScanToTheDraft() throws Exception {
    long site = Tenants.siteWithTenant("scan-api-adopt");
    Tenants.member(site, "adopt-editor", Role.EDITOR);
    Tenants.member(site, "adopt-viewer", Role.VIEWER);
    int id =
        as("adopt-editor").post("/v1/tenant/sites/" + site + "/scans").then().extract().path("id");
    String oneFinding =
        "{\"findings\":[{\"name\":\"_gid\",\"domain\":\".scan-api-adopt.example\","
            + "\"category\":\"statistics\",\"provider\":\"Google\"}]}";
    as("adopt-editor")
        .contentType(ContentType.JSON)
        .body(oneFinding)
        .post("/v1/tenant/sites/" + site + "/scans/" + id + "/adoptions")
        .then()
        .statusCode(409)
        .contentType(PROBLEM);

    int necessary =
        as("adopt-viewer")
            .get("/v1/tenant/sites/" + site + "/cookies")
            .path("find { it.name == 'necessary_cookie' }.id");
    finish(id, "scan-api-adopt.example", necessary);
    as("adopt-viewer")
        .get("/v1/tenant/sites/" + site + "/scans/" + id)
        .then()
        .statusCode(200)
        .body("status", is("DONE"))
        .body("counts.newFindings", is(1))
        .body("counts.violations", is(1))
        .body("counts.toReview", is(0))
        .body("counts.changed", is(0))
        .body("report.cookies.find { it.name == 'necessary_cookie' }.diff", is("DECLARED"))
        .body("report.violations[0].kind", is("SET_BEFORE_CONSENT"))
        .body("report.violations[0].name", is("_gid"))
        .body(
            "report.cookies.find { it.name == '_gid' }.classification.source",
            is("OPEN_COOKIE_DATABASE"))
        .body("report.cookies.find { it.name == '_gid' }.diff", is("NEW"));
    int declared = as("adopt-viewer").get("/v1/tenant/sites/" + site + "/cookies").path("size()");
    as("adopt-viewer")
        .get("/v1/tenant/sites/" + site + "/scans/" + id + "/adoptions")
        .then()
        .statusCode(200)
        .body("size()", is(1))
        .body("[0].name", is("_gid"))
        .body("[0].domain", is(".scan-api-adopt.example"))
        .body("[0].category", is("statistics"))
        .body("[0].provider", is("Google"));

    as("adopt-editor")
        .contentType(ContentType.JSON)
        .body("{\"findings\":[]}")
        .post("/v1/tenant/sites/" + site + "/scans/" + id + "/adoptions")
        .then()
        .statusCode(422)
        .contentType(PROBLEM);
    as("adopt-editor")
        .contentType(ContentType.JSON)
        .body(
            "{\"findings\":[{\"name\":\"_gid\",\"domain\":\".scan-api-adopt.example\","
                + "\"category\":\"statistics\",\"provider\":\"Google\"},"
                + "{\"name\":\"never_seen\",\"domain\":\"scan-api-adopt.example\","
                + "\"category\":\"statistics\",\"provider\":\"Google\"}]}")
        .post("/v1/tenant/sites/" + site + "/scans/" + id + "/adoptions")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors[0].field", is("findings[1].name"));
    as("adopt-editor")
        .contentType(ContentType.JSON)
        .body(
            "{\"findings\":[{\"name\":\" \",\"domain\":\".scan-api-adopt.example\","
                + "\"category\":\"statistics\",\"provider\":\"Google\"}]}")
        .post("/v1/tenant/sites/" + site + "/scans/" + id + "/adoptions")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.field", is(List.of("findings[0].name")));
    as("adopt-editor")
        .contentType(ContentType.JSON)
        .body("{\"findings\":[" + ",{}".repeat(501).substring(1) + "]}")
        .post("/v1/tenant/sites/" + site + "/scans/" + id + "/adoptions")
        .then()
        .statusCode(422)
        .contentType(PROBLEM);
    as("adopt-viewer")
        .contentType(ContentType.JSON)
        .body(oneFinding)
        .post("/v1/tenant/sites/" + site + "/scans/" + id + "/adoptions")
        .then()
        .statusCode(403);
    as("adopt-viewer")
        .get("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .body("size()", is(declared));
    as("adopt-viewer")
        .get("/v1/tenant/sites/" + site + "/providers")
        .then()
        .body("name", is(List.of("Analytics Inc.")));

    as("adopt-editor")
        .contentType(ContentType.JSON)
        .body(oneFinding)
        .post("/v1/tenant/sites/" + site + "/scans/" + id + "/adoptions")
        .then()
        .statusCode(200)
        .body("[0].name", is("_gid"))
        .body("[0].category", is("statistics"))
        .body("[0].provider", is("Google"))
        .body("[0].party", is("FIRST_PARTY"))
        .body("[0].retention.unit", is("DAYS"))
        .body("[0].retention.amount", is(1));
    as("adopt-viewer")
        .get("/v1/tenant/sites/" + site + "/cookies")
        .then()
        .body("size()", is(declared + 1));
    as("adopt-viewer")
        .get("/v1/tenant/sites/" + site + "/versions/draft")
        .then()
        .statusCode(200)
        .body("changedSinceLatest", is(true));
  }

  @Test
  void shouldKeepEachSitesScanSchedule() {
    long site = Tenants.siteWithTenant("scan-api-schedule");
    Tenants.member(site, "schedule-editor", Role.EDITOR);
    Tenants.member(site, "schedule-viewer", Role.VIEWER);
    String settings = "/v1/tenant/sites/" + site + "/scan-settings";
    as("schedule-viewer")
        .get(settings)
        .then()
        .statusCode(200)
        .body("schedule", is("MONTHLY"))
        .body("pageCap", nullValue());
    as("schedule-viewer")
        .contentType(ContentType.JSON)
        .body("{\"schedule\":\"OFF\"}")
        .put(settings)
        .then()
        .statusCode(403);
    as("schedule-editor")
        .contentType(ContentType.JSON)
        .body("{\"schedule\":\"WEEKLY\",\"pageCap\":0}")
        .put(settings)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors[0].field", is("pageCap"));
    as("schedule-editor")
        .contentType(ContentType.JSON)
        .body("{\"schedule\":\"SOMETIMES\"}")
        .put(settings)
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
    as("schedule-editor")
        .contentType(ContentType.JSON)
        .body("{\"pageCap\":1001}")
        .put(settings)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.field", is(List.of("pageCap", "schedule")));
    as("schedule-viewer")
        .get(settings)
        .then()
        .body("schedule", is("MONTHLY"))
        .body("pageCap", nullValue());

    as("schedule-editor")
        .contentType(ContentType.JSON)
        .body("{\"schedule\":\"OFF\",\"pageCap\":20}")
        .put(settings)
        .then()
        .statusCode(200)
        .body("schedule", is("OFF"))
        .body("pageCap", is(20));
    as("schedule-viewer").get(settings).then().body("schedule", is("OFF")).body("pageCap", is(20));
    as("schedule-editor")
        .post("/v1/tenant/sites/" + site + "/scans")
        .then()
        .statusCode(202)
        .body("pageCap", is(20));
  }

  /**
   * Gives a queued scan the state and report the worker would store: one pass before consent, with
   * the site's necessary cookie and Google Analytics' _gid.
   */
  private void finish(int scanId, String domain, long necessaryCookieId) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String page = "https://" + domain + "/";
    ScanObservations seen =
        new ScanObservations(
            true,
            List.of(
                new PassObservations(
                    Pass.NO_DECISION,
                    List.of(page),
                    List.of(
                        new ObservedCookie(
                            "necessary_cookie",
                            domain,
                            "/",
                            now.plus(1, ChronoUnit.DAYS),
                            true,
                            true,
                            "Lax",
                            ObservedCookie.SetBy.HTTP,
                            page,
                            List.of(page)),
                        new ObservedCookie(
                            "_gid",
                            "." + domain,
                            "/",
                            now.plus(1, ChronoUnit.DAYS),
                            false,
                            false,
                            null,
                            ObservedCookie.SetBy.JAVASCRIPT,
                            "https://www.googletagmanager.com/gtag/js",
                            List.of(page))),
                    List.of(),
                    List.of("www.googletagmanager.com"))),
            List.of());
    ScanReport report =
        ReportBuilder.build(
            seen,
            List.of(
                new Declaration(
                    necessaryCookieId,
                    "necessary_cookie",
                    false,
                    null,
                    Party.FIRST_PARTY,
                    Retention.of(1, Retention.Unit.DAYS),
                    "necessary",
                    Purpose.NECESSARY,
                    true,
                    "Analytics Inc.")),
            List.of(domain),
            CookieDatabase.shipped(),
            now);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update scan set status = 'DONE', claimed_by = 'test', attempts = 1,"
                    + " started_at = now(), heartbeat_at = now(), finished_at = now(),"
                    + " report = cast(? as jsonb), counts = cast(? as jsonb) where id = ?")) {
      update.setString(1, DomainJson.mapper().writeValueAsString(report));
      update.setString(2, DomainJson.mapper().writeValueAsString(report.counts()));
      update.setLong(3, scanId);
      assertEquals(1, update.executeUpdate());
    }
  }

  private static RequestSpecification as(String subject) {
    return given().auth().oauth2(OidcServer.token(subject));
  }
}
