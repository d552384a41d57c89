package io.consentplatform.api.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Provider;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class CookiePolicyPageTest {

  @Inject PolicyService policies;

  private static final List<List<String>> SEED_ROWS_EN =
      List.of(
          List.of(
              "Opendatasoft",
              "Authentication (front and back office)",
              "sessionid",
              "To remember the user from one page to another"),
          List.of(
              "Opendatasoft",
              "Language selection (front and back office)",
              "django_language",
              "To remember the visitor's language"),
          List.of(
              "Opendatasoft",
              "API (CSRF) (front et back office)",
              "csrftoken",
              "To retrieve data via API calls"),
          List.of(
              "Opendatasoft",
              "Choices related to your cookie preferences",
              "cookies_preferences",
              "To remember the visitor's cookie preferences"));

  @Test
  void shouldListTheFourSeedCookiesInTheNecessaryCategory() {
    Document page = policyPage("/sites/townofcary/cookie-policy?lang=en", null);

    assertEquals("en", page.selectFirst("html").attr("lang"));
    assertEquals("Cookie policy", page.selectFirst("h1").text());
    assertEquals(
        List.of(
            "Service provider's name",
            "Function and location",
            "Cookie name(s)",
            "Purposes",
            "Retention",
            "Set by"),
        page.select("#category-necessary thead th").eachText());
    assertTrue(
        page.select("#category-necessary thead th").stream()
            .allMatch(th -> th.attr("scope").equals("col")));
    List<Element> rows = page.select("#category-necessary tbody tr");
    assertEquals(
        SEED_ROWS_EN, rows.stream().map(row -> row.children().eachText().subList(0, 4)).toList());
    assertEquals("row", rows.get(0).selectFirst("th").attr("scope"));
    assertEquals(
        0, page.select("#category-statistics tbody tr").size(), "no statistics cookie is declared");
    assertEquals(
        "No cookies of this type are used.",
        page.selectFirst("#category-statistics .empty").text());
  }

  @Test
  void shouldWriteEachRetentionInThePagesLanguage() {
    Document english = policyPage("/sites/townofcary/cookie-policy?lang=en", null);
    Document french = policyPage("/sites/townofcary/cookie-policy?lang=fr", null);

    assertEquals(List.of("2 weeks", "Session", "1 year", "6 months"), retentions(english));
    assertEquals(
        List.of("2 semaines", "Durée de la session", "1 an", "6 mois"), retentions(french));
  }

  private static List<String> retentions(Document page) {
    return page.select("#category-necessary tbody tr").stream()
        .map(row -> row.children().eachText().get(4))
        .toList();
  }

  @Test
  void shouldShowTheSeedsSectionsAndTheSitesOwnIntroduction() {
    Document page = policyPage("/sites/townofcary/cookie-policy", null);

    assertEquals(
        List.of(
            "What is a cookie?",
            "Your choices depend on where you are",
            "Types of cookies",
            "Cookies used on data.townofcary.org"),
        page.select("h2").eachText(),
        "the demo's rules give the EU and the US different experiences, which the page explains");
    assertTrue(
        page.select("header p")
            .eachText()
            .contains(
                "In order to provide you with the best service possible, we use cookies to ensure it functions properly, and to perform web analytics."));
    assertEquals(
        List.of(
            "Cookies necessary for the platform to function properly/functionality cookies",
            "Statistical cookies",
            "Internal or first-party cookies",
            "Third-party cookies"),
        page.select("section[aria-labelledby=types-of-cookies] dt").eachText());
    String footer = page.selectFirst("footer p").text();
    assertTrue(footer.matches("Version 1, published on \\d{4}-\\d{2}-\\d{2}\\."), footer);
  }

  @Test
  void shouldSpeakFrenchWhenAskedByParameter() {
    Document page = policyPage("/sites/townofcary/cookie-policy?lang=fr", null);

    assertFrench(page);
  }

  @Test
  void shouldSpeakTheBrowsersLanguageWhenTheSiteOffersIt() {
    Document french = policyPage("/sites/townofcary/cookie-policy", "fr-CA,fr;q=0.9,en;q=0.5");
    Document fallback = policyPage("/sites/townofcary/cookie-policy", "de-DE,de;q=0.9");

    assertFrench(french);
    assertEquals(
        "en", fallback.selectFirst("html").attr("lang"), "German is not offered: the default");
  }

  @Test
  void shouldAnswerAMalformedLanguageHeaderWithAProblem() {
    given()
        .header("Accept-Language", ";;;q=abc,@@")
        .when()
        .get("/sites/townofcary/cookie-policy")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", is(400))
        .body("title", is("Bad Request"));
  }

  @Test
  void shouldAnswerAnUnknownSiteWithANotFoundPage() {
    String html =
        given()
            .when()
            .get("/sites/no-such-site/cookie-policy")
            .then()
            .statusCode(404)
            .contentType("text/html")
            .extract()
            .asString();

    Document page = Jsoup.parse(html);
    assertEquals("Page not found", page.selectFirst("h1").text());
    assertFalse(html.contains("Exception"));
  }

  @Test
  void shouldEscapeWhatTenantsWrite() {
    // A site key cannot carry markup, but the page must never echo raw input either.
    String html =
        given()
            .when()
            .get("/sites/townofcary/cookie-policy?lang=<script>alert(1)</script>")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    assertFalse(html.contains("<script>alert(1)</script>"));
  }

  @Test
  void shouldKeepThePlatformsOwnWordingWordForWordInEnglishAndFrench() {
    // Copied from the Java interfaces that held this wording before it moved to properties files:
    // visitors must not see one character change, no-break spaces included.
    Document english = policyPage("/sites/townofcary/cookie-policy?lang=en", null);
    Document french = policyPage("/sites/townofcary/cookie-policy?lang=fr", null);

    assertEquals(
        List.of(
            "A cookie is a small piece of text that a website asks your browser to keep. Your"
                + " browser sends it back each time you return to that site, which lets the site"
                + " recognise the device you use: to keep you signed in, to remember the language"
                + " you chose, or to count and follow visits. Similar techniques, such as local"
                + " storage in your browser, work the same way and are covered by this policy too.",
            // The demo's rules let US visitors opt out: "all others only if you agree" would be
            // untrue for them. Sites that ask everyone first keep the earlier sentence
            // (PolicyPageByRegionTest).
            "Some cookies are needed for the site to work and are set without asking. Whether the"
                + " others wait for your agreement or run until you object depends on where you"
                + " are, as explained below; either way you can change your choice at any time."),
        wholeTexts(english, "section[aria-labelledby=what-is-a-cookie] p"));
    assertEquals(
        "Always active: these cookies are needed for the site to work.",
        english.selectFirst("#category-necessary .status").wholeText());
    assertEquals(
        "Used only with your consent.",
        english.selectFirst("#category-statistics .status").wholeText());
    assertEquals(
        List.of(
            "Qu'est-ce qu'un cookie\u00a0?",
            "Vos choix selon l'endroit où vous êtes",
            "Types de cookies",
            "Cookies utilisés sur data.townofcary.org"),
        wholeTexts(french, "h2"));
    assertEquals(
        List.of(
            "Un cookie est un petit fichier texte qu'un site demande à votre navigateur de"
                + " conserver. Votre navigateur le renvoie à chaque nouvelle visite, ce qui permet"
                + " au site de reconnaître l'appareil que vous utilisez\u00a0: pour vous garder"
                + " connecté, retenir la langue choisie, ou compter et suivre les visites. Des"
                + " techniques semblables, comme le stockage local du navigateur, fonctionnent de"
                + " la même façon et sont aussi couvertes par cette politique.",
            "Certains cookies sont indispensables au fonctionnement du site et sont déposés sans"
                + " demande. Que les autres attendent votre accord ou fonctionnent jusqu'à votre"
                + " opposition dépend de l'endroit où vous êtes, comme expliqué ci-dessous\u00a0;"
                + " dans tous les cas, vous pouvez modifier votre choix à tout moment."),
        wholeTexts(french, "section[aria-labelledby=what-is-a-cookie] p"));
    assertEquals(
        "Toujours actifs\u00a0: ces cookies sont nécessaires au fonctionnement du site.",
        french.selectFirst("#category-necessary .status").wholeText());
    assertEquals(
        "Aucun cookie de ce type n'est utilisé.",
        french.selectFirst("#category-statistics .empty").wholeText());
    assertEquals(
        "Cette page dans d'autres langues\u00a0:",
        french.selectFirst("header nav").attr("aria-label"));
    assertTrue(
        french
            .selectFirst("footer p")
            .wholeText()
            .matches("Version 1, publiée le \\d{4}-\\d{2}-\\d{2}\\."),
        french.selectFirst("footer p").wholeText());
  }

  @Test
  void shouldTellVisitorsHowToRemoveWhatTheBannerCannot() {
    long id = SiteFixture.create("policy-unremovable");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site site = Site.findById(id);
              Provider ads = new Provider();
              ads.site = site;
              ads.name = "Ads Network";
              ads.privacyPolicyUrl = "https://ads.example/privacy";
              ads.persist();
              Provider own =
                  Provider.find("site = ?1 and name = 'Analytics Inc.'", site).firstResult();
              declare(site, "statistics", own, "stats_sid", Party.FIRST_PARTY, null, true);
              declare(site, "marketing", ads, "ad_id", Party.THIRD_PARTY, "ads.example", false);
              declare(site, "necessary", own, "session", Party.FIRST_PARTY, null, true);
              declare(site, "statistics", own, "stats_js", Party.FIRST_PARTY, null, false);
            });
    policies.publish(id, "test");

    Document english = policyPage("/sites/policy-unremovable/cookie-policy?lang=en", null);
    assertEquals("Cookies you remove yourself", english.selectFirst("#unremovable").text());
    assertEquals(
        List.of(
            List.of(
                "stats_sid",
                "EN statistics",
                "Analytics Inc.",
                "Set by the server, hidden from scripts",
                "In your browser's settings, under cookies and site data, delete this site's"
                    + " cookies."),
            List.of(
                "ad_id",
                "EN marketing",
                "Ads Network",
                "Belongs to another site",
                "In your browser's settings, under cookies and site data, delete the cookies of"
                    + " ads.example. Ads Network also explains its own choices in its privacy"
                    + " policy.")),
        english.select("section[aria-labelledby=unremovable] tbody tr").stream()
            .map(row -> row.children().eachText())
            .toList(),
        "what the banner removes itself (stats_js) and what is never refused (session) are not"
            + " listed");
    assertEquals(
        "https://ads.example/privacy",
        english.selectFirst("section[aria-labelledby=unremovable] tbody a").attr("href"));

    Document french = policyPage("/sites/policy-unremovable/cookie-policy?lang=fr", null);
    assertEquals("Cookies à supprimer vous-même", french.selectFirst("#unremovable").text());
    assertEquals(
        "Appartient à un autre site",
        french.select("section[aria-labelledby=unremovable] tbody tr").get(1).child(3).text());

    // A site with nothing out of the banner's reach has no such section.
    assertNull(
        policyPage("/sites/townofcary/cookie-policy?lang=en", null).selectFirst("#unremovable"));
  }

  private static void declare(
      Site site,
      String category,
      Provider provider,
      String name,
      Party party,
      String domain,
      boolean httpOnly) {
    Cookie cookie = new Cookie();
    cookie.site = site;
    cookie.provider = provider;
    cookie.category = Category.find("site = ?1 and key = ?2", site, category).firstResult();
    cookie.name = name;
    cookie.party = party;
    cookie.domain = domain;
    cookie.httpOnly = httpOnly;
    cookie.setRetention(Retention.of(1, Retention.Unit.DAYS));
    cookie.texts = new TreeMap<>(Map.of("en", new CookieText("Everywhere", "Some purpose")));
    cookie.persist();
  }

  private static List<String> wholeTexts(Document page, String selector) {
    return page.select(selector).stream().map(Element::wholeText).toList();
  }

  private static void assertFrench(Document page) {
    assertEquals("fr", page.selectFirst("html").attr("lang"));
    assertEquals("Politique relative aux cookies", page.selectFirst("h1").text());
    assertEquals(
        List.of(
            "Nom du fournisseur du service",
            "Fonction et emplacement",
            "Nom(s) du cookie",
            "Finalités",
            "Durée de conservation",
            "Déposé par"),
        page.select("#category-necessary thead th").eachText());
    assertEquals(
        List.of(
            List.of("sessionid", "Se souvenir de l'utilisateur d'une page à l'autre"),
            List.of("django_language", "Se souvenir de la langue du visiteur"),
            List.of("csrftoken", "Récupérer des données via des appels d'API"),
            List.of(
                "cookies_preferences",
                "Se souvenir des préférences du visiteur en matière de cookies")),
        page.select("#category-necessary tbody tr").stream()
            .map(row -> row.children().eachText().subList(2, 4))
            .toList());
    assertNotNull(page.selectFirst("a[hreflang=en]"), "a link to the English page");
  }

  private static Document policyPage(String path, String acceptLanguage) {
    var request = given();
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    String html =
        request
            .when()
            .get(path)
            .then()
            .statusCode(200)
            .contentType("text/html")
            .extract()
            .asString();
    return Jsoup.parse(html);
  }
}
