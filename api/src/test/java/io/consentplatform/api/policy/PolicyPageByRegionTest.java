package io.consentplatform.api.policy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The cookie policy page explains, for each experience the published rules give someone, what the
 * visitor's choices mean there; a site that asks everyone first keeps its page as it was.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PolicyPageByRegionTest {

  @Inject PolicyService policies;

  @Test
  void shouldExplainEachExperienceOfThePublishedRulesWhereItApplies() {
    String key = "policy-regions";
    long site = SiteFixture.create(key);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site.<Site>findById(site).regionRules =
                  new RegionRules(
                      List.of(
                          new RegionRule(List.of("EU"), Experience.OPT_IN),
                          new RegionRule(List.of("US", "CA-BC"), Experience.OPT_OUT),
                          new RegionRule(List.of("JP"), Experience.NOTICE)),
                      Experience.OPT_IN);
              Category.<Category>find("site.id = ?1 and key = 'statistics'", site)
                      .firstResult()
                      .sensitive =
                  true;
            });
    policies.publish(site, "test");

    Document english = page("/sites/" + key + "/cookie-policy?lang=en");

    assertEquals(
        "Some cookies are needed for the site to work and are set without asking. Whether the"
            + " others wait for your agreement or run until you object depends on where you are,"
            + " as explained below; either way you can change your choice at any time.",
        english.select("section[aria-labelledby=what-is-a-cookie] p").get(1).text());
    assertEquals(
        "Your choices depend on where you are", english.selectFirst("#choices-by-region").text());
    assertEquals(
        List.of(
            "Asked before anything runs",
            "Running unless you object",
            "Informed, without a choice to make"),
        english.select(".experience h3").eachText());
    Element optIn = english.selectFirst("#experience-opt-in");
    assertEquals(
        "Where: EU, everywhere else, and when your location is not known.",
        optIn.selectFirst(".where").text());
    assertTrue(
        optIn.text().contains("you will not be asked again for 184 days"),
        "the refusal interval of the version: " + optIn.text());
    Element optOut = english.selectFirst("#experience-opt-out");
    assertEquals("Where: US, CA-BC.", optOut.selectFirst(".where").text());
    String optOutText = optOut.text();
    assertTrue(
        optOutText.contains("Without a choice from you, these categories are used: EN marketing."),
        optOutText);
    assertTrue(
        optOutText.contains(
            "These categories hold sensitive data and are only used if you agree: EN statistics."),
        optOutText);
    assertTrue(optOutText.contains("Global Privacy Control"), optOutText);
    assertTrue(optOutText.contains("These categories then stay off: EN marketing."), optOutText);
    Element notice = english.selectFirst("#experience-notice");
    assertEquals("Where: JP.", notice.selectFirst(".where").text());
    assertTrue(
        notice
            .text()
            .contains(
                "These categories hold sensitive data and are not used here, since nobody is"
                    + " asked: EN statistics."),
        notice.text());
    assertNull(english.selectFirst("#experience-none"), "no rule gives nothing");

    Document french = page("/sites/" + key + "/cookie-policy?lang=fr");
    assertEquals(
        "Vos choix selon l'endroit où vous êtes", french.selectFirst("#choices-by-region").text());
    assertEquals(
        "Où\u00a0: US, CA-BC.", french.selectFirst("#experience-opt-out .where").wholeText());
    assertTrue(
        french
            .selectFirst("#experience-opt-out")
            .wholeText()
            .contains("Ces catégories restent alors désactivées\u00a0: FR marketing."),
        french.selectFirst("#experience-opt-out").text());
  }

  @Test
  void shouldLeaveThePageOfASiteThatAsksEveryoneFirstAsItWas() {
    String key = "policy-everywhere-opt-in";
    long site = SiteFixture.create(key);
    QuarkusTransaction.requiringNew()
        .run(() -> Site.<Site>findById(site).regionRules = RegionRules.EVERYWHERE_OPT_IN);
    policies.publish(site, "test");

    Document english = page("/sites/" + key + "/cookie-policy?lang=en");

    assertNull(english.selectFirst("#choices-by-region"));
    assertEquals(
        "Some cookies are needed for the site to work and are set without asking. All others"
            + " are set only if you agree, and you can change your choice at any time.",
        english.select("section[aria-labelledby=what-is-a-cookie] p").get(1).text());
    Document french = page("/sites/" + key + "/cookie-policy?lang=fr");
    assertNull(french.selectFirst("#choices-by-region"));
    assertEquals(
        "Certains cookies sont indispensables au fonctionnement du site et sont déposés sans"
            + " demande. Tous les autres ne le sont qu'avec votre accord, que vous pouvez"
            + " modifier à tout moment.",
        french.select("section[aria-labelledby=what-is-a-cookie] p").get(1).wholeText());
  }

  private static Document page(String path) {
    return Jsoup.parse(
        given().get(path).then().statusCode(200).contentType("text/html").extract().asString());
  }
}
