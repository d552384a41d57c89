package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Impressions;
import io.consentplatform.core.ledger.LedgerSealer;
import io.consentplatform.core.ledger.Retention;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Decisions;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An owner archives a site instead of deleting it: what visitors meet at once (no banner, no new
 * decision, a policy page that says so), what the tenant still has (its proof, until retention
 * removes it), and who may do it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class SiteArchiveTest {

  private static final String DECISION =
      "{\"policyVersion\":1,\"action\":\"accept_all\",\"lang\":\"en\",\"method\":\"banner\"}";

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;
  @Inject Retention retention;
  @Inject DataSource dataSource;
  @Inject Impressions impressionCounts;

  @Test
  void shouldStopTheBannerAndDecisionsOfAnArchivedSiteButKeepItsProof() throws Exception {
    long site = Tenants.siteWithTenant("archive-shop");
    Tenants.member(site, "archive-owner", Role.OWNER);
    Tenants.member(site, "archive-editor", Role.EDITOR);
    policies.publish(site, "test");
    String receipt = decide("archive-shop").then().statusCode(201).extract().path("consentId");
    given().get("/v1/sites/archive-shop/banner").then().statusCode(200); // now held in memory
    String liveScript = given().get("/v1/sites/archive-shop/banner.js").asString();

    as("archive-editor")
        .post("/v1/tenant/sites/archive-shop/archive")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given().get("/v1/sites/archive-shop/banner").then().statusCode(200);

    as("archive-owner")
        .post("/v1/tenant/sites/archive-shop/archive")
        .then()
        .statusCode(200)
        .body("key", is("archive-shop"))
        .body("archivedAt", notNullValue());

    // Visitors: no banner, no decision, no impression; pages embedding the script stay quiet.
    given()
        .get("/v1/sites/archive-shop/banner")
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("detail", containsString("archived"));
    String script =
        given()
            .get("/v1/sites/archive-shop/banner.js")
            .then()
            .statusCode(200)
            .contentType(containsString("javascript"))
            .extract()
            .asString();
    assertFalse(script.equals(liveScript), "an archived site's script is not the banner");
    assertFalse(script.contains("/banner"), "it fetches nothing: " + script);
    assertTrue(script.contains("ConsentPlatform"), "the page's own calls keep working");
    long before = records(site);
    decide("archive-shop")
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("status", is(410));
    given()
        .header("Origin", "https://archive-shop.example")
        .contentType(ContentType.JSON)
        .body(DECISION)
        .post("/v1/sites/archive-shop/consents")
        .then()
        .statusCode(410)
        .header("Set-Cookie", nullValue());
    assertEquals(before, records(site), "nothing was recorded");
    given().post("/v1/sites/archive-shop/impressions").then().statusCode(410);
    given()
        .get("/sites/archive-shop/cookie-policy")
        .then()
        .statusCode(410)
        .contentType(containsString("text/html"))
        .body(containsString("The cookie policy of Site archive-shop is no longer in use"))
        .body(containsString("stopped using this consent service on "));
    given()
        .get("/sites/archive-shop/cookie-policy?lang=fr")
        .then()
        .statusCode(410)
        .body(containsString("plus en vigueur"))
        .body(containsString("a cessé d&#39;utiliser ce service de consentement le "));

    // The tenant: out of the list, still readable, proof intact.
    as("archive-owner")
        .get("/v1/tenant/sites")
        .then()
        .statusCode(200)
        .body("key", not(hasItem("archive-shop")));
    as("archive-owner")
        .queryParam("archived", true)
        .get("/v1/tenant/sites")
        .then()
        .statusCode(200)
        .body("key", hasItem("archive-shop"));
    as("archive-owner")
        .get("/v1/tenant/sites/archive-shop/consents")
        .then()
        .statusCode(200)
        .body("consentId", hasItem(receipt));
    given().get("/v1/sites/archive-shop/consents/" + receipt).then().statusCode(200);
    as("archive-owner")
        .post("/v1/tenant/sites/archive-shop/versions")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    // Brought back: served again at once.
    as("archive-owner")
        .post("/v1/tenant/sites/" + site + "/unarchive")
        .then()
        .statusCode(200)
        .body("archivedAt", nullValue());
    given().get("/v1/sites/archive-shop/banner").then().statusCode(200);
    assertEquals(liveScript, given().get("/v1/sites/archive-shop/banner.js").asString());
    decide("archive-shop").then().statusCode(201);
    given().get("/sites/archive-shop/cookie-policy").then().statusCode(200);
  }

  @Test
  void shouldPurgeAnArchivedSitesProofOnceItsRetentionEnded() throws Exception {
    long site = Tenants.siteWithTenant("archive-old");
    Tenants.member(site, "archive-old-owner", Role.OWNER);
    policies.publish(site, "test");
    for (int i = 0; i < 3; i++) {
      consents.recordDecision("archive-old", Decisions.onBanner(ConsentAction.ACCEPT_ALL));
    }
    given().post("/v1/sites/archive-old/impressions").then().statusCode(204);
    impressionCounts.flush();
    sealer.sealAll();
    as("archive-old-owner").post("/v1/tenant/sites/archive-old/archive").then().statusCode(200);

    // Within the retention period (five years by default), retention keeps every record.
    age(site, 1000);
    retention.applyTo(site, Instant.now());
    assertEquals(3, records(site));
    assertEquals(1, impressions(site));

    // Once the newest is past it, nothing of the visitors' is left; the site stays archived.
    age(site, 900);
    retention.applyTo(site, Instant.now());
    assertEquals(0, records(site));
    assertEquals(0, count("select count(*) from consent_ledger where site_id = " + site));
    assertEquals(0, impressions(site));
    as("archive-old-owner")
        .get("/v1/tenant/sites/archive-old/ledger/verify")
        .then()
        .statusCode(200)
        .body("intact", is(true))
        .body("entries", is(0));
    as("archive-old-owner")
        .queryParam("archived", true)
        .get("/v1/tenant/sites")
        .then()
        .body("key", hasItem("archive-old"));
    // Its key stays reserved: another tenant cannot take over pages still embedding it.
    long other = Tenants.siteWithTenant("archive-newcomer");
    Tenants.member(other, "archive-newcomer", Role.EDITOR);
    as("archive-newcomer")
        .contentType(ContentType.JSON)
        .body(
            "{\"key\":\"archive-old\",\"name\":\"Taken\",\"domains\":[],\"languages\":[\"en\"],"
                + "\"defaultLanguage\":\"en\"}")
        .post("/v1/tenant/sites")
        .then()
        .statusCode(409);
  }

  private static io.restassured.response.Response decide(String siteKey) {
    return given()
        .contentType(ContentType.JSON)
        .body(DECISION)
        .post("/v1/sites/" + siteKey + "/consents");
  }

  /** Makes the site's records older by {@code days}, as the ledger's own retention test does. */
  private void age(long site, int days) throws Exception {
    // As the superuser: the application's own role may not change proof of consent.
    try (Connection connection = PostgresResource.superuser();
        Statement statement = connection.createStatement()) {
      // Another month is another partition: the move re-inserts the record, which the ledger's
      // queue must not take for a new one.
      statement.execute("alter table consent_record disable trigger consent_record_is_append_only");
      statement.execute(
          "alter table consent_record disable trigger consent_record_is_queued_for_ledger");
      statement.execute(
          "update consent_record set recorded_at = recorded_at - interval '"
              + days
              + " days' where site_id = "
              + site);
      statement.execute("alter table consent_record enable trigger consent_record_is_append_only");
      statement.execute(
          "alter table consent_record enable trigger consent_record_is_queued_for_ledger");
    }
  }

  private long records(long site) throws Exception {
    return count("select count(*) from consent_record where site_id = " + site);
  }

  private long impressions(long site) throws Exception {
    return count("select count(*) from banner_impression where site_id = " + site);
  }

  private long count(String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  static RequestSpecification as(String subject) {
    return given().auth().oauth2(OidcServer.token(subject)).when();
  }
}
