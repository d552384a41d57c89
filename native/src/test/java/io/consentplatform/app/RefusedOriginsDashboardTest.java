package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.consent.RefusedOrigins;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A decision refused because its page is not under a declared domain does not vanish: the site's
 * dashboard names the origin, in English and in French.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RefusedOriginsDashboardTest {

  private static final String EMAIL = "refusals@cary.example";
  private static final String TYPO = "https://opendata.townofcary.example";

  @Inject RefusedOrigins refusedOrigins;

  @Test
  void shouldShowTheOriginOfARefusedDecisionOnTheDashboard() {
    int version = given().get("/v1/sites/townofcary/banner").jsonPath().getInt("version");
    given()
        .contentType("application/json")
        .header("Origin", TYPO)
        .body("{\"policyVersion\":" + version + ",\"action\":\"accept_all\",\"method\":\"banner\"}")
        .post("/v1/sites/townofcary/consents")
        .then()
        .statusCode(403);
    refusedOrigins.flush();
    DemoMembers.add(EMAIL, Role.VIEWER);
    String session = SignInForm.session(EMAIL, "pw-" + EMAIL);
    long siteId =
        QuarkusTransaction.requiringNew().call(() -> Site.findByKey("townofcary").orElseThrow().id);

    String english =
        given()
            .cookie("cp_admin", session)
            .get("/admin/sites/" + siteId)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(english.contains("Decisions refused from undeclared origins"), english);
    assertTrue(english.contains("<code>" + TYPO + "</code>"), english);

    String french =
        given()
            .cookie("cp_admin", session)
            .cookie("admin_lang", "fr")
            .get("/admin/sites/" + siteId)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(french.contains("Décisions refusées depuis des origines non déclarées"), french);
    assertTrue(french.contains("<code>" + TYPO + "</code>"), french);
  }
}
