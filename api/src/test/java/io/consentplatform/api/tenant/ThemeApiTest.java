package io.consentplatform.api.tenant;

import static io.consentplatform.api.tenant.TenantApiTest.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteTheme;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A site's banner look through the tenant API: read, replaced, refused with the pair and ratio at
 * fault and nothing changed, and given to visitors only once published.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class ThemeApiTest {

  private static final String DARK_BAR =
      "{\"layout\":\"BAR\",\"background\":\"#102030\",\"text\":\"#FFFFFF\","
          + "\"accent\":\"#ffd166\",\"accentText\":\"#102030\",\"font\":\"Georgia, 'Times New"
          + " Roman', serif\",\"radius\":4,\"dark\":false}";

  @Inject PolicyService policies;

  @Test
  void shouldStartFromThePlatformsLook() {
    long site = Tenants.siteWithTenant("theme-new");
    Tenants.member(site, "viewer-theme-new", Role.VIEWER);

    as("viewer-theme-new")
        .get("/v1/tenant/sites/theme-new/theme")
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("layout", is("BOX"))
        .body("dark", is(true))
        .body("background", nullValue());
  }

  @Test
  void shouldReplaceTheLookAndGiveItToVisitorsOncePublished() {
    long site = Tenants.siteWithTenant("theme-put");
    Tenants.member(site, "editor-theme-put", Role.EDITOR);
    policies.publish(site, "test");

    as("editor-theme-put")
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(DARK_BAR)
        .put("/v1/tenant/sites/" + site + "/theme")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("layout", is("BAR"))
        .body("text", is("#ffffff"))
        .body("font", is("Georgia, 'Times New Roman', serif"));

    SiteTheme expected =
        new SiteTheme(
            SiteTheme.Layout.BAR,
            "#102030",
            "#ffffff",
            "#ffd166",
            "#102030",
            "Georgia, 'Times New Roman', serif",
            4,
            false);
    assertEquals(expected, theme(site));
    assertEquals(
        SiteTheme.PLATFORM,
        policies.current("theme-put").orElseThrow().snapshot().site().theme(),
        "a draft until published");
    as("editor-theme-put")
        .get("/v1/sites/theme-put/banner")
        .then()
        .statusCode(200)
        .body("theme.layout", is("BOX"));

    policies.publish(site, "test");
    as("editor-theme-put")
        .get("/v1/sites/theme-put/banner")
        .then()
        .statusCode(200)
        .body("theme.layout", is("BAR"))
        .body("theme.background", is("#102030"))
        .body("theme.radius", is(4));
  }

  @Test
  void shouldRefuseAnUnreadablePairNamingItsRatioAndChangeNothing() {
    long site = Tenants.siteWithTenant("theme-contrast");
    Tenants.member(site, "editor-theme-contrast", Role.EDITOR);

    // #777777 on white is 4.48:1, just under AA's 4.5:1 for text.
    as("editor-theme-contrast")
        .contentType(ContentType.JSON)
        .body("{\"layout\":\"BOX\",\"text\":\"#777777\",\"dark\":true}")
        .put("/v1/tenant/sites/" + site + "/theme")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", is("text"))
        .body("errors[0].message", containsString("#777777 on background #ffffff"))
        .body("errors[0].message", containsString("4.47:1"));
    // The platform's blue links on a dark background: the accent pair fails, not the text.
    as("editor-theme-contrast")
        .contentType(ContentType.JSON)
        .body("{\"background\":\"#222222\",\"text\":\"#eeeeee\"}")
        .put("/v1/tenant/sites/" + site + "/theme")
        .then()
        .statusCode(422)
        .body("errors[0].field", is("accent"))
        .body("errors.size()", is(1));
    assertNull(theme(site), "nothing saved");
  }

  @Test
  void shouldRefuseWhatCouldBreakOutOfTheStyleSheet() {
    long site = Tenants.siteWithTenant("theme-bad");
    Tenants.member(site, "editor-theme-bad", Role.EDITOR);
    for (String[] bad :
        new String[][] {
          {"{\"font\":\"Arial;}body{display:none\"}", "font"},
          {"{\"font\":\"</style><script>alert(1)</script>\"}", "font"},
          {"{\"font\":\"x\\\\\"}", "font"},
          {"{\"background\":\"red\"}", "background"},
          {"{\"accent\":\"#12345\"}", "accent"},
          {"{\"radius\":33}", "radius"},
          {"{\"radius\":-1}", "radius"},
          {"{\"layout\":\"SIDEBAR\"}", null}
        }) {
      var response =
          as("editor-theme-bad")
              .contentType(ContentType.JSON)
              .body(bad[0])
              .put("/v1/tenant/sites/" + site + "/theme")
              .then()
              .statusCode(bad[1] == null ? 400 : 422);
      if (bad[1] != null) {
        response.body("errors[0].field", is(bad[1]));
      }
    }
    assertNull(theme(site), "nothing saved");
  }

  private static SiteTheme theme(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).theme);
  }
}
