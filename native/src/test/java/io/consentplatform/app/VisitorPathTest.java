package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A visitor's whole path through the demo site, over HTTP only, so that it runs the same against
 * the application under test here and against the packaged application ({@link VisitorPathIT}): the
 * banner and its caching, a decision, its signed receipt, its status for the tenant's back end, and
 * the refusals a browser or a script can meet.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class VisitorPathTest {

  private static final String SITE = "/v1/sites/townofcary";
  private static final String DECLARED_ORIGIN = "https://data.townofcary.org";

  @Test
  void shouldServeTheBannerWithAValidatorAndAnswer304WhenNothingChanged() {
    Response first = given().get(SITE + "/banner?lang=fr");
    // Other suites of this module may have published newer versions of the demo: whichever is
    // current is served.
    first.then().statusCode(200).body("language", is("fr")).body("site", is("townofcary"));
    String etag = first.header("ETag");
    assertTrue(etag != null && !etag.isBlank(), "an ETag");
    given()
        .header("If-None-Match", etag)
        .get(SITE + "/banner?lang=fr")
        .then()
        .statusCode(304)
        .header("ETag", is(etag));
    assertFalse(first.headers().hasHeaderWithName("Set-Cookie"), "no cookie before any choice");
  }

  @Test
  void shouldRecordADecisionAndServeItsReceiptSignedWithAPublishedKey() throws Exception {
    int version = given().get(SITE + "/banner?lang=fr").jsonPath().getInt("version");
    Response recorded =
        given()
            .contentType("application/json")
            .header("Origin", DECLARED_ORIGIN)
            .body(
                "{\"policyVersion\":"
                    + version
                    + ",\"action\":\"custom\",\"choices\":{\"necessary\":true,"
                    + "\"statistics\":true,\"internal\":false,\"third_party\":false},"
                    + "\"lang\":\"fr\",\"method\":\"settings\"}")
            .post(SITE + "/consents");
    recorded
        .then()
        .statusCode(201)
        .header("Access-Control-Allow-Origin", is(DECLARED_ORIGIN))
        // Answered from the platform's own host, not the site's: the banner keeps the choice.
        .header("Set-Cookie", nullValue());
    String id = recorded.jsonPath().getString("consentId");
    String location = recorded.header("Location");
    assertTrue(location.endsWith("/consents/" + id), location);

    JsonPath receipt =
        given().get(SITE + "/consents/" + id).then().statusCode(200).extract().jsonPath();
    assertEquals(id, receipt.getString("consentId"));
    String jws = receipt.getString("signature");
    String[] parts = jws.split("\\.");
    assertEquals(3, parts.length, "a compact JWS");
    Map<String, Object> header =
        new JsonPath(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
            .getMap("");
    assertEquals("EdDSA", header.get("alg"));
    JsonPath keys =
        given().get("/.well-known/jwks.json").then().statusCode(200).extract().jsonPath();
    String x = keys.getString("keys.find { it.kid == '" + header.get("kid") + "' }.x");
    Signature verifier = ed25519(x);
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(
        verifier.verify(Base64.getUrlDecoder().decode(parts[2])),
        "the signature verifies with the JDK and the published key");

    given()
        .get(SITE + "/consents/" + id + "/status?category=statistics")
        .then()
        .statusCode(200)
        .body("status", is("granted"));
    given()
        .get(SITE + "/consents/" + id + "/status?category=third_party")
        .then()
        .statusCode(200)
        .body("status", is("denied"));
  }

  @Test
  void shouldRefuseWhatABrowserOrAScriptGetsWrong() {
    int version = given().get(SITE + "/banner").jsonPath().getInt("version");
    String valid =
        "{\"policyVersion\":" + version + ",\"action\":\"accept_all\",\"method\":\"banner\"}";
    given()
        .contentType("application/json")
        .header("Origin", "https://elsewhere.example")
        .body(valid)
        .post(SITE + "/consents")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .header("Access-Control-Allow-Origin", nullValue());
    given()
        .contentType("application/json")
        .body("{\"policyVersion\":1,\"action\":\"accept_all\",\"action\":\"reject_all\"}")
        .post(SITE + "/consents")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType("application/json")
        .body("{\"policyVersion\":999,\"action\":\"accept_all\",\"method\":\"banner\"}")
        .post(SITE + "/consents")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    given().contentType("text/plain").body(valid).post(SITE + "/consents").then().statusCode(415);
    given()
        .contentType("application/json")
        .body(
            "{\"policyVersion\":1,\"action\":\"accept_all\",\"method\":\"banner\",\"lang\":\""
                + "x".repeat(9000)
                + "\"}")
        .post(SITE + "/consents")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    given().get("/v1/sites/no-such-site/banner").then().statusCode(404);
    given()
        .get(SITE + "/consents/00000000-0000-0000-0000-000000000000")
        .then()
        .statusCode(404)
        .body("status", is(404));
    given()
        .get(SITE + "/consents/not-an-id")
        .then()
        .statusCode(404)
        .contentType(matchesPattern("application/problem\\+json.*"));
  }

  /** An Ed25519 verifier for a JWK's {@code x}, built with the JDK alone (RFC 8032 encoding). */
  private static Signature ed25519(String x) throws Exception {
    byte[] encoded = Base64.getUrlDecoder().decode(x);
    boolean xOdd = (encoded[encoded.length - 1] & 0x80) != 0;
    encoded[encoded.length - 1] &= 0x7f;
    byte[] bigEndian = new byte[encoded.length];
    for (int i = 0; i < encoded.length; i++) {
      bigEndian[i] = encoded[encoded.length - 1 - i];
    }
    PublicKey key =
        KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new EdECPublicKeySpec(
                    NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, bigEndian))));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key);
    return verifier;
  }
}
