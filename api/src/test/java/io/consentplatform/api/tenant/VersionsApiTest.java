package io.consentplatform.api.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.policy.PolicyVersion;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteTheme;
import io.consentplatform.core.site.VendorSignal;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Publishing through the tenant API: the draft says whether it asks visitors again and why, the
 * diff names each changed field with its values, and a tenant can force re-consent.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class VersionsApiTest {

  private static final String SITE = "api-reconsent";

  @Inject PolicyService policies;

  @Test
  void shouldPublishTextsQuietlyMaterialChangesLoudlyAndForceWhenAsked() {
    long site = Tenants.siteWithTenant(SITE);
    Tenants.member(site, "editor-reconsent", Role.EDITOR);
    policies.publish(site, "test");
    String versions = "/v1/tenant/sites/" + site + "/versions";

    edit(
        site,
        s ->
            category(s, "statistics").texts =
                new TreeMap<>(
                    Map.of(
                        "en", new CategoryText("EN statistics", "About statistics"),
                        "fr", new CategoryText("Statistiques", "À propos"))));
    as().get(versions + "/draft")
        .then()
        .statusCode(200)
        .body("changedSinceLatest", is(true))
        .body("reconsent", is(false))
        .body("materialChanges", empty());
    as().get(versions + "/diff?from=1&to=draft")
        .then()
        .statusCode(200)
        .body("categories.changed", contains("statistics"))
        .body("fields.item", contains("category"))
        .body("fields[0].key", is("statistics"))
        .body("fields[0].field", is("name"))
        .body("fields[0].language", is("fr"))
        .body("fields[0].before", is("FR statistics"))
        .body("fields[0].after", is("Statistiques"));
    as().post(versions)
        .then()
        .statusCode(201)
        .body("number", is(2))
        .body("reconsent", is(false))
        .body("consentRevision", is(1));
    given()
        .when()
        .get("/v1/sites/" + SITE + "/banner")
        .then()
        .body("version", is(2))
        .body("consentRevision", is(1));

    edit(
        site,
        s -> cookie(s, "statistics_cookie").setRetention(Retention.of(1, Retention.Unit.YEARS)));
    as().get(versions + "/draft")
        .then()
        .body("reconsent", is(true))
        .body("materialChanges[0].kind", is("COOKIE_RETENTION"))
        .body("materialChanges[0].subject", is("statistics_cookie"))
        .body("materialChanges[0].before", is("1 day"))
        .body("materialChanges[0].after", is("1 year"));
    as().get(versions + "/diff?from=2&to=draft")
        .then()
        .body("cookies.changed", contains("statistics_cookie"))
        .body("fields.field", contains("retention"))
        .body("fields[0].before", is("1 day"))
        .body("fields[0].after", is("1 year"));
    as().contentType(ContentType.JSON)
        .body("{\"forceReconsent\":false}")
        .post(versions)
        .then()
        .statusCode(201)
        .body("number", is(3))
        .body("reconsent", is(true))
        .body("consentRevision", is(3));

    edit(site, s -> s.name = "Renamed for the API");
    as().contentType(ContentType.JSON)
        .body("{\"forceReconsent\":true}")
        .post(versions)
        .then()
        .statusCode(201)
        .body("number", is(4))
        .body("reconsent", is(true))
        .body("consentRevision", is(4));

    as().get(versions)
        .then()
        .body("number", contains(4, 3, 2, 1))
        .body("reconsent", contains(true, true, false, true))
        .body("consentRevision", contains(4, 3, 1, 1));
  }

  @Test
  void shouldShowIntegrationSettingsInTheDiffWithoutAskingAgain() {
    long site = Tenants.siteWithTenant("api-integrations-diff");
    Tenants.member(site, "editor-integrations", Role.EDITOR);
    policies.publish(site, "test");
    String versions = "/v1/tenant/sites/" + site + "/versions";

    edit(
        site,
        s -> {
          s.cookieDomain = "town.example";
          s.vendorSignals = new ArrayList<>(List.of(VendorSignal.GOOGLE, VendorSignal.UET));
          s.theme = new SiteTheme(SiteTheme.Layout.BAR, "#ffffff", null, null, null, null, 4, true);
        });

    as("editor-integrations")
        .get(versions + "/diff?from=1&to=draft")
        .then()
        .statusCode(200)
        .body("settings", contains("cookieDomain", "signals", "theme"));
    as("editor-integrations")
        .get(versions + "/diff?from=1&to=draft")
        .then()
        .body("fields.find { it.field == 'cookieDomain' }.after", is("town.example"))
        .body("fields.find { it.field == 'signals' }.before", is("google"))
        .body("fields.find { it.field == 'signals' }.after", is("google, uet"))
        .body("fields.find { it.field == 'theme' }.after", containsString("BAR"))
        .body("fields.find { it.field == 'theme' }.after", containsString("#ffffff"));
    // How the banner looks and which vendors hear of a choice change nothing visitors agreed to.
    as("editor-integrations").get(versions + "/draft").then().body("reconsent", is(false));
  }

  @Test
  void shouldRefuseABadPublishBodyAndPublishNothing() {
    long site = Tenants.siteWithTenant("api-reconsent-bad");
    Tenants.member(site, "editor-reconsent-bad", Role.EDITOR);
    policies.publish(site, "test");
    edit(site, s -> s.name = "Changed");
    String versions = "/v1/tenant/sites/" + site + "/versions";

    for (String body : new String[] {"{\"forceReconsent\":\"often\"}", "{\"forceReconsent\":"}) {
      given()
          .auth()
          .oauth2(OidcServer.token("editor-reconsent-bad"))
          .contentType(ContentType.JSON)
          .body(body)
          .when()
          .post(versions)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }

    assertEquals(
        1L,
        QuarkusTransaction.requiringNew().call(() -> PolicyVersion.count("site.id", site)),
        "nothing was published");
    as("editor-reconsent-bad").get(versions).then().body("number", hasItem(1));
  }

  private static io.restassured.specification.RequestSpecification as() {
    return as("editor-reconsent");
  }

  private static io.restassured.specification.RequestSpecification as(String subject) {
    return given().auth().oauth2(OidcServer.token(subject)).when();
  }

  private static void edit(long siteId, Consumer<Site> change) {
    QuarkusTransaction.requiringNew().run(() -> change.accept(Site.findById(siteId)));
  }

  private static Category category(Site site, String key) {
    return Category.find("site = ?1 and key = ?2", site, key).firstResult();
  }

  private static Cookie cookie(Site site, String name) {
    return Cookie.find("site = ?1 and name = ?2", site, name).firstResult();
  }
}
