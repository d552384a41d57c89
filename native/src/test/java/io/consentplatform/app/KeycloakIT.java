package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged platform against a real identity provider: people sign in to Keycloak with a
 * password, and their tokens, nothing else, decide which tenant they act for.
 */
@QuarkusIntegrationTest
@ResourceLock(PackagedApplication.LOCK)
@WithTestResource(PostgresResource.class)
@WithTestResource(KeycloakResource.class)
class KeycloakIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Another application of the same realm (consent-realm.json). */
  private static final String OTHER_CLIENT = "wiki";

  @Test
  void shouldLetRealUsersWorkInTheirOwnTenantOnly() throws Exception {
    String ops = token("ops", "ops-password");
    String alice = token("alice", "alice-password");
    String bob = token("bob", "bob-password");

    createTenant(ops, "cary-idp", "Town of Cary (IdP)", alice, "alice@cary.example");
    createTenant(ops, "shop-idp", "The Shop (IdP)", bob, "bob@shop.example");
    given()
        .auth()
        .oauth2(alice)
        .contentType(ContentType.JSON)
        .body(
            "{\"slug\":\"alice-own\",\"name\":\"No\",\"ownerSubject\":\"x\",\"ownerEmail\":\"x@x.example\"}")
        .when()
        .post("/v1/platform/tenants")
        .then()
        .statusCode(403);

    given()
        .auth()
        .oauth2(alice)
        .when()
        .get("/v1/tenant")
        .then()
        .statusCode(200)
        .body("tenant", is("cary-idp"))
        .body("role", is("OWNER"))
        .body("actor", is(KeycloakResource.realmUrl() + "#" + subject(alice)))
        .body("email", is("alice@cary.example"));
    int site =
        given()
            .auth()
            .oauth2(alice)
            .contentType(ContentType.JSON)
            .body(
                "{\"key\":\"cary-idp-portal\",\"name\":\"Open data\",\"domains\":[\"data.cary.example\"],\"languages\":[\"en\"],\"defaultLanguage\":\"en\"}")
            .when()
            .post("/v1/tenant/sites")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    given()
        .auth()
        .oauth2(bob)
        .when()
        .get("/v1/tenant")
        .then()
        .statusCode(200)
        .body("tenant", is("shop-idp"));
    given()
        .auth()
        .oauth2(bob)
        .when()
        .get("/v1/tenant/sites")
        .then()
        .statusCode(200)
        .body("$", empty());
    given().auth().oauth2(bob).when().get("/v1/tenant/sites/" + site).then().statusCode(404);
    given()
        .auth()
        .oauth2(alice)
        .when()
        .get("/v1/tenant/sites/" + site)
        .then()
        .statusCode(200)
        .body("key", is("cary-idp-portal"));
    given()
        .auth()
        .oauth2(alice.substring(0, alice.length() - 4) + "AAAA")
        .when()
        .get("/v1/tenant")
        .then()
        .statusCode(401);
  }

  @Test
  void shouldBelieveOnlyTokensIssuedToThePlatformsOwnClient() throws Exception {
    // The operator belongs to no tenant: the platform's client's token is believed (403, not 401).
    given()
        .auth()
        .oauth2(token("ops", "ops-password"))
        .when()
        .get("/v1/tenant")
        .then()
        .statusCode(403)
        .body("detail", is("You are not a member of any tenant"));
    given()
        .auth()
        .oauth2(token(OTHER_CLIENT, "ops", "ops-password"))
        .when()
        .get("/v1/tenant")
        .then()
        .statusCode(401);

    // Alice, through that other application: her token is not meant for the platform (aud).
    given()
        .auth()
        .oauth2(token(OTHER_CLIENT, "alice", "alice-password"))
        .when()
        .get("/v1/tenant")
        .then()
        .statusCode(401);
    // An operator through that application: Keycloak names the platform's client in the audience
    // because the operator holds one of its roles, but the token was issued to the other (azp).
    given()
        .auth()
        .oauth2(token(OTHER_CLIENT, "ops", "ops-password"))
        .contentType(ContentType.JSON)
        .body(newTenant("by-other-app"))
        .when()
        .post("/v1/platform/tenants")
        .then()
        .statusCode(401);
    // Bob is in a group and holds a realm role both named platform-operator: neither counts.
    given()
        .auth()
        .oauth2(token("bob", "bob-password"))
        .contentType(ContentType.JSON)
        .body(newTenant("by-group"))
        .when()
        .post("/v1/platform/tenants")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(token("ops", "ops-password"))
        .contentType(ContentType.JSON)
        .body(newTenant("by-client-role"))
        .when()
        .post("/v1/platform/tenants")
        .then()
        .statusCode(201);
  }

  @Test
  void shouldSignInToTheBackOfficeThroughKeycloak() throws Exception {
    String alice = token("alice", "alice-password");
    createTenant(
        token("ops", "ops-password"),
        "cary-sso",
        "Town of Cary (SSO)",
        alice,
        "alice@cary.example");
    ChromeDriver browser = Chromium.start();
    try {
      openKeycloakSignIn(browser, "username");
      Chromium.screenshot(browser, Path.of("target/screenshots/keycloak-sign-in.png"));
      browser.findElement(By.id("username")).sendKeys("alice");
      browser.findElement(By.id("password")).sendKeys("alice-password");
      browser.findElement(By.id("kc-login")).click();

      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(d -> d.getCurrentUrl().endsWith("/admin/sites"));
      String header = browser.findElement(By.cssSelector(".who")).getText();
      Chromium.screenshot(browser, Path.of("target/screenshots/back-office-after-keycloak.png"));
      assertTrue(
          header.contains("Town of Cary (SSO)") || header.contains("Town of Cary (IdP)"), header);
      assertTrue(header.contains("alice@cary.example"), header);
      assertTrue(header.toLowerCase().contains("owner"), header);

      // Signing out ends the session at Keycloak too: the next sign-in asks for the password.
      browser.findElement(By.id("sign-out")).click();
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .withMessage(
              () -> "signed out at " + browser.getCurrentUrl() + ": " + browser.getPageSource())
          .until(d -> d.getCurrentUrl().contains("/admin/login?signed-out=true"));
      openKeycloakSignIn(browser, "password");
    } finally {
      browser.quit();
    }
  }

  /**
   * A browser without a session asks for a back-office page, is sent to the sign-in page, chooses
   * the identity provider and waits for Keycloak's form to show {@code field}.
   */
  private static void openKeycloakSignIn(ChromeDriver browser, String field) {
    browser.get("http://localhost:" + port() + "/admin/sites");
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .withMessage(
            () ->
                "after sign-out at "
                    + browser.getCurrentUrl()
                    + " "
                    + browser.manage().getCookies())
        .until(d -> d.getCurrentUrl().endsWith("/admin/login"));
    browser.findElement(By.id("sso")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> !d.findElements(By.id(field)).isEmpty());
  }

  private static int port() {
    return ConfigProvider.getConfig()
        .getOptionalValue("quarkus.http.test-port", Integer.class)
        .orElse(8081);
  }

  private static void createTenant(
      String operator, String slug, String name, String ownerToken, String email) throws Exception {
    given()
        .auth()
        .oauth2(operator)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "slug",
                slug,
                "name",
                name,
                "ownerSubject",
                subject(ownerToken),
                "ownerEmail",
                email))
        .when()
        .post("/v1/platform/tenants")
        .then()
        .statusCode(201)
        .body("slug", is(slug));
  }

  private static Map<String, String> newTenant(String slug) {
    return Map.of(
        "slug", slug, "name", "Not created", "ownerSubject", "x", "ownerEmail", "x@x.example");
  }

  /** Resource owner password grant: what a script of the tenant's would do. */
  private static String token(String user, String password) throws Exception {
    return token(KeycloakResource.CLIENT, user, password);
  }

  /** The same grant through a client of the realm's, which need not be the platform's. */
  private static String token(String client, String user, String password) throws Exception {
    String form =
        "grant_type=password&client_id="
            + client
            + "&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(KeycloakResource.realmUrl() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new AssertionError("Keycloak refused " + user + ": " + answer.body());
    }
    return (String) JSON.readValue(answer.body(), Map.class).get("access_token");
  }

  private static String subject(String token) throws Exception {
    byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
    return (String) JSON.readValue(payload, Map.class).get("sub");
  }
}
