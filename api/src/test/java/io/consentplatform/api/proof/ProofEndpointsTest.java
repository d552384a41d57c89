package io.consentplatform.api.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.ledger.LedgerSealer;
import io.consentplatform.core.ledger.VisitorData;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The public proof endpoints as a client meets them: the heads of a site's log (latest, by size,
 * listed), a receipt's inclusion proof once its decision is sealed (409 with Retry-After before),
 * consistency proofs, and a problem document for every bad request.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ProofEndpointsTest {

  /** The sealer's advisory lock class (LedgerSealer): held, the sealer passes the site by. */
  private static final int SEALER_LOCK = 7321;

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;
  @Inject VisitorData visitors;

  @Test
  void shouldAnswerNotSealedYetUntilTheSealerHasPassed() throws Exception {
    long site = SiteFixture.create("proof-unsealed");
    policies.publish(site, "test");
    UUID id;
    try (Connection db = PostgresResource.superuser()) {
      lockSealerOut(db, site);
      id = decide("proof-unsealed", 1).get(0);

      given()
          .get("/v1/sites/proof-unsealed/consents/" + id + "/proof")
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .header("Retry-After", "1");
      given()
          .get("/v1/sites/proof-unsealed/consents/" + id)
          .then()
          .statusCode(200)
          .body("recordDigest", nullValue())
          .body("verify", containsString("/verify#proof-unsealed/" + id));
    }
    awaitHead("proof-unsealed", 1);

    String digest =
        given()
            .get("/v1/sites/proof-unsealed/consents/" + id + "/proof")
            .then()
            .statusCode(200)
            .body("leafIndex", org.hamcrest.Matchers.is(0))
            .body("treeSize", org.hamcrest.Matchers.is(1))
            .body("head.treeSize", org.hamcrest.Matchers.is(1))
            .body("head.site", org.hamcrest.Matchers.is("proof-unsealed"))
            .extract()
            .path("recordDigest");
    assertTrue(digest.matches("[0-9a-f]{64}"), digest);
    given()
        .get("/v1/sites/proof-unsealed/consents/" + id)
        .then()
        .statusCode(200)
        .body("recordDigest", org.hamcrest.Matchers.is(digest));
  }

  @Test
  void shouldServeTheHeadsLatestFirstAndByTheirSize() throws Exception {
    long site = SiteFixture.create("proof-heads");
    policies.publish(site, "test");
    sealedRound(site, "proof-heads", 3, 3);
    sealedRound(site, "proof-heads", 2, 5);

    given()
        .get("/v1/sites/proof-heads/ledger/head")
        .then()
        .statusCode(200)
        .body("treeSize", org.hamcrest.Matchers.is(5))
        .body("rootHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
        .body("signature", org.hamcrest.Matchers.startsWith("ey"));
    given()
        .get("/v1/sites/proof-heads/ledger/head?size=3")
        .then()
        .statusCode(200)
        .body("treeSize", org.hamcrest.Matchers.is(3));
    List<Integer> sizes =
        given()
            .get("/v1/sites/proof-heads/ledger/heads")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("treeSize", Integer.class);
    assertEquals(5, sizes.get(0), "newest first: " + sizes);
    assertTrue(sizes.contains(3), "the earlier head stays: " + sizes);
    assertEquals(
        List.of(3),
        given()
            .get("/v1/sites/proof-heads/ledger/heads?before=5&limit=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("treeSize", Integer.class));
    given()
        .get("/v1/sites/proof-heads/ledger/consistency?from=3&to=5")
        .then()
        .statusCode(200)
        .body("from", org.hamcrest.Matchers.is(3))
        .body("to", org.hamcrest.Matchers.is(5))
        .body("toHead.treeSize", org.hamcrest.Matchers.is(5))
        .body("proof.size()", org.hamcrest.Matchers.greaterThan(0));
  }

  @Test
  void shouldRefuseBadRequestsWithAProblem() throws Exception {
    long site = SiteFixture.create("proof-refusals");
    policies.publish(site, "test");
    sealedRound(site, "proof-refusals", 2, 2);
    long other = SiteFixture.create("proof-other");
    policies.publish(other, "test");
    UUID elsewhere = sealedRound(other, "proof-other", 1, 1).get(0);

    for (String path :
        List.of(
            "/v1/sites/proof-refusals/ledger/head?size=abc",
            "/v1/sites/proof-refusals/ledger/head?size=0",
            "/v1/sites/proof-refusals/ledger/head?size=-1",
            "/v1/sites/proof-refusals/ledger/heads?limit=x",
            "/v1/sites/proof-refusals/ledger/heads?before=0",
            "/v1/sites/proof-refusals/ledger/consistency?to=2",
            "/v1/sites/proof-refusals/ledger/consistency?from=1",
            "/v1/sites/proof-refusals/ledger/consistency?from=0&to=2")) {
      given().get(path).then().statusCode(400).contentType("application/problem+json");
    }
    for (String path :
        List.of(
            "/v1/sites/proof-refusals/ledger/consistency?from=2&to=1",
            "/v1/sites/proof-refusals/ledger/consistency?from=1&to=9")) {
      given().get(path).then().statusCode(422).contentType("application/problem+json");
    }
    for (String path :
        List.of(
            "/v1/sites/proof-refusals/ledger/head?size=9",
            "/v1/sites/no-such-site/ledger/head",
            "/v1/sites/no-such-site/ledger/consistency?from=1&to=2",
            "/v1/sites/proof-refusals/consents/" + elsewhere + "/proof",
            "/v1/sites/proof-refusals/consents/" + UUID.randomUUID() + "/proof",
            "/v1/sites/proof-refusals/consents/not-a-uuid/proof")) {
      given().get(path).then().statusCode(404).contentType("application/problem+json");
    }
    // The proof carries the receipt: browsers read it only from the site's declared domains.
    given()
        .header("Origin", "https://elsewhere.example")
        .get("/v1/sites/proof-other/consents/" + elsewhere + "/proof")
        .then()
        .statusCode(403);
    given()
        .header("Origin", "https://proof-other.example")
        .get("/v1/sites/proof-other/consents/" + elsewhere + "/proof")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "https://proof-other.example");
  }

  @Test
  void shouldForgetAnErasedDecisionAndKeepProvingTheOthers() throws Exception {
    long site = SiteFixture.create("proof-erased");
    policies.publish(site, "test");
    List<UUID> ids = sealedRound(site, "proof-erased", 3, 3);
    String root = given().get("/v1/sites/proof-erased/ledger/head").path("rootHash");
    ConsentRecord erased =
        QuarkusTransaction.requiringNew().call(() -> ConsentRecord.findById(ids.get(1)));
    long tenant = QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(site).tenant.id);

    visitors.erase(new Caller(tenant, "proof-test", Role.OWNER), site, erased.visitorId);

    given()
        .get("/v1/sites/proof-erased/consents/" + ids.get(1) + "/proof")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    // Its leaf stays: the others' proofs still lead to the same signed root.
    for (UUID kept : List.of(ids.get(0), ids.get(2))) {
      given()
          .get("/v1/sites/proof-erased/consents/" + kept + "/proof")
          .then()
          .statusCode(200)
          .body("head.rootHash", org.hamcrest.Matchers.is(root));
    }
  }

  @Test
  void shouldLetTheVerifyPageRunOnlyItsOwnScript() {
    given()
        .get("/verify")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("script-src 'self'"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .body(containsString("<script src=\"/assets/verify.js\"></script>"));
    given()
        .get("/verify?lang=fr")
        .then()
        .statusCode(200)
        .body(containsString("Vérifier un reçu de consentement"));
  }

  /**
   * Records {@code count} decisions sealed together in one round, so that one head has their size,
   * {@code size}.
   */
  private List<UUID> sealedRound(long site, String key, int count, long size) throws Exception {
    List<UUID> ids;
    try (Connection db = PostgresResource.superuser()) {
      lockSealerOut(db, site);
      ids = decide(key, count);
    }
    awaitHead(key, size);
    return ids;
  }

  /**
   * Seals, and waits until the latest head has {@code size} records: the sealer's own round may
   * hold the site when the test asks, and then it is that round which seals.
   */
  private void awaitHead(String key, long size) throws Exception {
    sealer.sealAll();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      var answer = given().get("/v1/sites/" + key + "/ledger/head");
      if (answer.statusCode() == 200 && answer.jsonPath().getLong("treeSize") == size) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No head of size " + size + ": " + answer.asString());
      }
      Thread.sleep(50);
    }
  }

  /** Holds the sealer's lock of the site for as long as {@code db} stays open. */
  private static void lockSealerOut(Connection db, long site) throws Exception {
    try (PreparedStatement lock = db.prepareStatement("select pg_advisory_lock(?, ?)")) {
      lock.setInt(1, SEALER_LOCK);
      lock.setInt(2, (int) site);
      lock.execute();
    }
  }

  private List<UUID> decide(String key, int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(
            i ->
                consents.recordDecision(
                        key,
                        new Decision(
                            null,
                            1,
                            ConsentAction.ACCEPT_ALL,
                            null,
                            "en",
                            ConsentMethod.BANNER,
                            false,
                            null,
                            "203.0.113.9"))
                    .id)
        .toList();
  }
}
