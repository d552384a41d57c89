package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.region.Region;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The back office's consent log by region and experience: the columns, the filters (a country finds
 * its states), the breakdown of the last days and the receipt, in English and French. The site
 * follows the demo's rules, so each record's experience is known here: US opt-out, the EU and
 * everywhere else opt-in.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsentLogRegionPagesTest {

  @Inject LocalAccounts accounts;
  @Inject PolicyService policies;
  @Inject ConsentService consents;

  @Test
  void shouldShowFilterAndCountRecordsByRegionAndExperience() {
    String key = "records-regions";
    long site = SiteFixture.create(key);
    QuarkusTransaction.requiringNew()
        .run(() -> Site.<Site>findById(site).regionRules = RegionRules.DEMO);
    policies.publish(site, "test");
    BackOffice.person(accounts, "viewer@consent-log-regions.example", site, Role.VIEWER);
    decide(key, ConsentAction.ACCEPT_ALL, null);
    decide(key, ConsentAction.ACCEPT_ALL, "FR");
    decide(key, ConsentAction.REJECT_ALL, "US-NC");
    UUID californian = decide(key, ConsentAction.ACCEPT_ALL, "US-CA");
    BackOffice english = BackOffice.signIn("viewer@consent-log-regions.example");
    String log = "/admin/sites/" + site + "/consents";

    Document all = english.page(log, 200);
    assertEquals(List.of("US-CA", "US-NC", "FR", "Unknown"), column(all, "region"));
    assertEquals(List.of("Opt-out", "Opt-out", "Opt-in", "Opt-in"), column(all, "experience"));
    assertEquals(
        List.of("All", "Opt-in", "Opt-out", "Notice", "None"),
        all.select("select#experience option").eachText());

    Document american = english.page(log + "?region=us", 200);
    assertEquals(List.of("US-CA", "US-NC"), column(american, "region"));
    assertEquals("us", american.selectFirst("input#region").val(), "the filter as typed");
    assertEquals(List.of("Unknown"), column(english.page(log + "?region=unknown", 200), "region"));
    assertEquals(
        List.of("FR", "Unknown"), column(english.page(log + "?experience=opt-in", 200), "region"));
    assertEquals(
        List.of("US-NC"),
        column(english.page(log + "?region=US&action=reject_all", 200), "region"));
    Document none = english.page(log + "?region=GB", 200);
    assertEquals(
        "No decision recorded matches these filters yet.", none.selectFirst(".empty").text());

    Document typo = english.page(log + "?region=Californie", 200);
    assertNotNull(typo.selectFirst("#region-error"), "a region that is not one is said so");
    assertEquals("true", typo.selectFirst("input#region").attr("aria-invalid"));
    assertEquals(4, column(typo, "region").size(), "and every record is shown");
    assertNull(all.selectFirst("#region-error"));

    assertEquals(
        List.of(
            List.of("Opt-in", "2", "2", "0", "0", "0"),
            List.of("Opt-out", "2", "1", "1", "0", "0")),
        rows(all, "#by-experience"));
    assertEquals(
        List.of(
            List.of("FR", "1", "1", "0", "0", "0"),
            List.of("US-CA", "1", "1", "0", "0", "0"),
            List.of("US-NC", "1", "0", "1", "0", "0"),
            List.of("Unknown", "1", "1", "0", "0", "0")),
        rows(all, "#by-region"));

    Document receipt = english.page(log + "/" + californian, 200);
    assertEquals("US-CA", definition(receipt, "Region"));
    assertEquals("Opt-out", definition(receipt, "Experience"));

    BackOffice french = english.speaking("fr");
    Document frenchLog = french.page(log, 200);
    assertEquals(
        List.of(
            "Opposition (opt-out)",
            "Opposition (opt-out)",
            "Consentement préalable (opt-in)",
            "Consentement préalable (opt-in)"),
        column(frenchLog, "experience"));
    assertEquals("Inconnue", column(frenchLog, "region").get(3));
    assertEquals(
        "Opposition (opt-out)",
        definition(french.page(log + "/" + californian, 200), "Expérience"));
  }

  private UUID decide(String key, ConsentAction action, String region) {
    return consents.recordDecision(
            key,
            new Decision(
                null,
                1,
                action,
                null,
                "en",
                ConsentMethod.BANNER,
                false,
                null,
                null,
                null,
                region == null ? null : Region.parse(region).orElseThrow()))
        .id;
  }

  private static List<String> column(Document page, String name) {
    return page.select("table:not(#by-experience):not(#by-region) tbody td." + name).eachText();
  }

  private static List<List<String>> rows(Document page, String table) {
    return page.select(table + " tbody tr").stream().map(row -> row.children().eachText()).toList();
  }

  private static String definition(Document page, String term) {
    for (Element dt : page.select("dl dt")) {
      if (dt.text().equals(term)) {
        return dt.nextElementSibling().text();
      }
    }
    throw new AssertionError("No " + term + " on the page");
  }
}
