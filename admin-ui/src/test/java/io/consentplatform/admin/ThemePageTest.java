package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteTheme;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A site's banner look in the back office: saved beside the live preview, an unreadable pair of
 * colours refused under its field with its ratio (in French too) and nothing changed, read-only for
 * a viewer.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ThemePageTest {

  @Inject LocalAccounts accounts;

  @Test
  void shouldSaveALookBesideThePreview() {
    long site = SiteFixture.create("theme-page");
    BackOffice.person(accounts, "look@theme.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("look@theme.example");
    String page = "/admin/sites/" + site + "/theme";

    Document shown = editor.page(page, 200);
    assertEquals("BOX", shown.select("select#layout option[selected]").val());
    assertEquals("#ffffff", shown.select("input#background").attr("placeholder"));
    assertTrue(shown.select("input[name=dark]").hasAttr("checked"), "the platform follows dark");
    assertEquals(
        "/admin/sites/" + site + "/texts/preview?lang=en",
        shown.select("iframe#banner-preview").attr("src"));
    assertTrue(shown.select("form[data-preview-theme]").size() == 1, "the preview follows it");

    editor
        .submit(
            page,
            page,
            Map.of(
                "version", "0",
                "layout", "CENTRE",
                "background", "#FDF6E3",
                "text", "#002b36",
                "accent", "#005f87",
                "accentText", "#ffffff",
                "font", "Georgia, serif",
                "radius", "6"))
        .then()
        .statusCode(303);

    assertEquals(
        new SiteTheme(
            SiteTheme.Layout.CENTRE,
            "#fdf6e3",
            "#002b36",
            "#005f87",
            "#ffffff",
            "Georgia, serif",
            6,
            false),
        theme(site));
    Document saved = editor.page(page + "?done=theme-saved", 200);
    assertEquals("CENTRE", saved.select("select#layout option[selected]").val());
    assertEquals("#fdf6e3", saved.select("input#background").val());
    assertTrue(saved.select("input[name=dark]").attr("checked").isEmpty());
  }

  @Test
  void shouldMarkAnUnreadablePairInFrenchAndChangeNothing() {
    long site = SiteFixture.create("theme-page-bad");
    BackOffice.person(accounts, "bad@theme.example", site, Role.EDITOR);
    BackOffice editor = BackOffice.signIn("bad@theme.example").speaking("fr");
    String page = "/admin/sites/" + site + "/theme";

    Document refused =
        Jsoup.parse(
            editor
                .submit(
                    page,
                    page,
                    Map.of(
                        "version", "0",
                        "layout", "BAR",
                        "text", "#999999",
                        "accent", "#ffd166",
                        "radius", "beaucoup"))
                .then()
                .statusCode(422)
                .extract()
                .asString());

    assertEquals(
        "L'arrondi des coins est un nombre entier de pixels",
        refused.select("#radius-error").text());
    assertNull(theme(site), "nothing saved");

    Document contrast =
        Jsoup.parse(
            editor
                .submit(
                    page,
                    page,
                    Map.of("version", "0", "layout", "BAR", "text", "#999999", "accent", "#ffd166"))
                .then()
                .statusCode(422)
                .extract()
                .asString());
    // In the person's language, with the ratio (2.84:1, computed by hand from WCAG 2.1's formula).
    assertTrue(
        contrast
            .select("#text-error")
            .text()
            .startsWith("Couleur du texte #999999 sur couleur de fond #ffffff"),
        contrast.select("#text-error").text());
    assertTrue(contrast.select("#text-error").text().contains("2.84:1"));
    assertTrue(contrast.select("#text-error").text().contains("au moins 4.5:1"));
    assertTrue(
        contrast
            .select("#accent-error")
            .text()
            .startsWith("Couleur des boutons et des liens #ffd166 sur couleur de fond #ffffff"),
        contrast.select("#accent-error").text());
    assertEquals("BAR", contrast.select("select#layout option[selected]").val(), "as typed");
    assertEquals("#999999", contrast.select("input#text").val());
    assertNull(theme(site), "nothing saved");
  }

  @Test
  void shouldShowAViewerTheLookWithoutAForm() {
    long site = SiteFixture.create("theme-page-viewer");
    BackOffice.person(accounts, "viewer@theme.example", site, Role.VIEWER);
    BackOffice viewer = BackOffice.signIn("viewer@theme.example");
    String page = "/admin/sites/" + site + "/theme";

    Document shown = viewer.page(page, 200);
    assertTrue(shown.select("form[method=post] input#background").isEmpty());
    assertEquals("#1f5fbf", shown.select("dl.receipt dd").get(3).text());
    viewer.submit(page, page, Map.of("layout", "BAR")).then().statusCode(403);
    assertNull(theme(site));
  }

  private static SiteTheme theme(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).theme);
  }
}
