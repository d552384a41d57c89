package io.consentplatform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.audit.AuditEntry;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Records as a person reads them (issue 20, points 11 and 12): the consent log, receipts and the
 * dashboard name categories and actions in the person's language, in the site's order, with local
 * times that name their zone; the audit trail says what each change did, field by field.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RecordsPagesTest {

  /** The zone the test configuration sets ({@code %test.consent.admin.time-zone}). */
  private static final ZoneId ZONE = ZoneId.of("America/New_York");

  private static final String[] ENGLISH_MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  private static final String[] FRENCH_MONTHS = {
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc."
  };

  @Inject LocalAccounts accounts;
  @Inject PolicyService policies;
  @Inject ConsentService consents;

  @Test
  void shouldShowTheConsentLogWithCategoryNamesAndLocalTimeWithItsZone() {
    long site = SiteFixture.create("records-log");
    policies.publish(site, "test");
    BackOffice.person(accounts, "viewer@records.example", site, Role.VIEWER);
    UUID id = custom("records-log");
    Instant recorded = recordedAt(id);
    BackOffice english = BackOffice.signIn("viewer@records.example");
    BackOffice french = english.speaking("fr");
    String log = "/admin/sites/" + site + "/consents";

    Element row = english.page(log, 200).selectFirst("tbody tr");
    Element time = row.selectFirst("td time");
    assertEquals(englishTime(recorded), time.text());
    assertEquals(recorded.toString(), time.attr("datetime"), "the exact instant stays readable");
    assertEquals(recorded.toString(), time.attr("title"), "and shows on hover");
    assertEquals(
        List.of("EN necessary", "EN statistics", "EN marketing"),
        row.select("td span").eachText(),
        "the categories' names in the site's order, not their keys");
    assertEquals(List.of("on", "off", "on"), row.select("td span").eachAttr("class"));
    assertEquals("Custom", row.select("td").get(2).text());
    assertEquals("Settings", row.select("td").get(3).text());

    Element frenchRow = french.page(log, 200).selectFirst("tbody tr");
    assertEquals(frenchTime(recorded), frenchRow.selectFirst("td time").text());
    assertEquals(
        List.of("FR necessary", "FR statistics", "FR marketing"),
        frenchRow.select("td span").eachText());
    assertEquals("Personnalisé", frenchRow.select("td").get(2).text());

    Document receipt = english.page(log + "/" + id, 200);
    assertEquals("Custom", definition(receipt, "Action"), "the same word as the log");
    assertEquals(englishTime(recorded), receipt.selectFirst("dl time").text());
    assertEquals(
        List.of("EN necessary", "EN statistics", "EN marketing"),
        receipt.select("tbody th").eachText());
    assertEquals(List.of("granted", "refused", "granted"), receipt.select("tbody td").eachText());
    Document frenchReceipt = french.page(log + "/" + id, 200);
    assertEquals("Personnalisé", definition(frenchReceipt, "Action"));
    assertEquals(
        List.of("FR necessary", "FR statistics", "FR marketing"),
        frenchReceipt.select("tbody th").eachText());
  }

  @Test
  void shouldOfferChoicesByNameInTheSitesOrder() {
    long site = SiteFixture.create("records-choices");
    policies.publish(site, "test");
    BackOffice.person(accounts, "editor@records.example", site, Role.EDITOR);
    custom("records-choices");
    BackOffice editor = BackOffice.signIn("editor@records.example");

    Document log = editor.page("/admin/sites/" + site + "/consents", 200);
    assertEquals(
        List.of("All", "Accept all", "Reject all", "Custom", "Withdraw"),
        log.select("select#action option").eachText());
    assertEquals("custom", log.select("select#action option").get(3).attr("value"));

    Document cookies = editor.page("/admin/sites/" + site + "/cookies", 200);
    assertEquals(
        List.of("All categories", "EN necessary", "EN statistics", "EN marketing"),
        cookies.select("select#filter-category option").eachText());
    assertEquals(
        List.of("EN necessary", "EN statistics", "EN marketing"),
        cookies.select("select#category option").eachText());
    assertEquals(
        List.of("necessary", "statistics", "marketing"),
        cookies.select("select#category option").eachAttr("value"));
    assertTrue(
        cookies.select("tbody td").eachText().contains("EN marketing"),
        "the list names each cookie's category too");
    assertEquals(
        List.of("FR necessary", "FR statistics", "FR marketing"),
        editor
            .speaking("fr")
            .page("/admin/sites/" + site + "/cookies", 200)
            .select("select#category option")
            .eachText());

    Document dashboard = editor.page("/admin/sites/" + site, 200);
    List<String> chart = dashboard.select("svg.chart text").eachText();
    assertEquals(
        List.of("EN necessary", "100%", "EN statistics", "0%", "EN marketing", "100%"), chart);
  }

  @Test
  void shouldShowWhatACookieEditChangedFieldByFieldWithTheCookiesName() {
    long site = SiteFixture.create("records-audit");
    BackOffice.person(accounts, "owner@records.example", site, Role.OWNER);
    BackOffice owner = BackOffice.signIn("owner@records.example");
    long cookie = cookie(site, "marketing_cookie");
    String page = "/admin/sites/" + site + "/cookies/" + cookie;
    Map<String, String> form = formOf(owner.page(page, 200), "form.grid");
    String longPurpose =
        "To show the map of the town hall, the libraries and every park on the contact page,"
            + " with the opening hours of each";
    form.put("purposes", longPurpose);
    form.put("domain", ".maps.example");
    form.put("retentionAmount", "13");
    form.put("retentionUnit", "MONTHS");

    owner.submit(page, page, form).then().statusCode(303);

    Element row = owner.page("/admin/audit", 200).selectFirst("tbody tr");
    assertEquals("Cookie marketing_cookie", row.selectFirst(".audit-subject").text());
    assertEquals("changed", row.select("td").get(1).text());
    List<String> changes = row.select(".audit-fields li").eachText();
    assertTrue(
        changes.contains(
            "Purposes (en): 'For marketing' → '" + longPurpose.substring(0, 79) + "…'"),
        "the long value is shortened: " + changes);
    assertTrue(changes.contains("Domain: '.maps.example'"), changes.toString());
    assertTrue(
        changes.contains("Retention: '1 day' → '13 months'"),
        "a retention reads as a whole: " + changes);
    assertEquals(3, changes.size(), "only what changed: " + changes);
    Instant recorded = newestAuditTime(site);
    assertEquals(englishTime(recorded), row.selectFirst("td time").text());

    Element french = owner.speaking("fr").page("/admin/audit", 200).selectFirst("tbody tr");
    assertTrue(
        french.select(".audit-fields li").eachText().contains("Domaine : « .maps.example »"),
        french.text());
    assertTrue(
        french
            .select(".audit-fields li")
            .eachText()
            .contains("Durée de conservation : « 1 jour » → « 13 mois »"),
        french.text());
  }

  @Test
  void shouldAuditBannerTextsAsSuchWithTheSiteAndLanguage() {
    long site = SiteFixture.create("records-texts");
    BackOffice.person(accounts, "texts@records.example", site, Role.OWNER);
    BackOffice owner = BackOffice.signIn("texts@records.example");
    String page = "/admin/sites/" + site + "/texts?lang=fr";
    Map<String, String> form = formOf(owner.page(page, 200), "form[data-preview]");
    form.put("bannerTitle", "Des cookies ?");
    owner.submit(page, page, form).then().statusCode(303);
    form = formOf(owner.page(page, 200), "form[data-preview]");
    form.put("bannerTitle", "Vos choix sur les cookies");
    owner.submit(page, page, form).then().statusCode(303);

    List<Element> rows = owner.page("/admin/audit", 200).select("tbody tr");
    assertEquals(
        "Banner texts of site Site records-texts (fr)",
        rows.get(0).selectFirst(".audit-subject").text());
    assertEquals(
        List.of("Banner title: 'Des cookies ?' → 'Vos choix sur les cookies'"),
        rows.get(0).select(".audit-fields li").eachText());
    assertEquals(
        List.of("Banner title: 'Des cookies ?'"),
        rows.get(1).select(".audit-fields li").eachText());
    assertFalse(
        rows.stream().anyMatch(r -> r.selectFirst(".audit-subject").text().startsWith("Site ")),
        "a text saved is no change of the site's settings");
  }

  @Test
  void shouldNameWhoActedByTheirSignInNotByTheEmailTheOwnerTyped() {
    long site = SiteFixture.create("records-actor");
    BackOffice.person(accounts, "owner@actor.example", site, Role.OWNER);
    // The owner added Mallory's account under the e-mail of someone else.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              accounts.create("mallory@actor.example", "pw-mallory@actor.example");
              TenantMember member = new TenantMember();
              member.tenant = Site.<Site>findById(site).tenant;
              member.subject = LocalAccount.subjectOf("mallory@actor.example");
              member.email = "ceo@actor.example";
              member.role = Role.EDITOR;
              member.persist();
            });
    BackOffice mallory = BackOffice.signIn("mallory@actor.example");
    String page = "/admin/sites/" + site + "/cookies/" + cookie(site, "marketing_cookie");
    Map<String, String> form = formOf(mallory.page(page, 200), "form.grid");
    form.put("domain", ".mallory.example");
    mallory.submit(page, page, form).then().statusCode(303);

    assertEquals(
        "local:mallory@actor.example",
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    AuditEntry.<AuditEntry>find(
                            "tenantId = ?1 order by id desc", Site.<Site>findById(site).tenant.id)
                        .firstResult()
                        .actor));
    Element row =
        BackOffice.signIn("owner@actor.example").page("/admin/audit", 200).selectFirst("tbody tr");
    Element who = row.selectFirst("th");
    assertEquals("mallory@actor.example", who.text());
    assertEquals("local:mallory@actor.example", who.attr("title"));
    assertTrue(
        mallory.page(page, 200).selectFirst(".who").text().contains("mallory@actor.example"),
        "the header names the person signed in too");
  }

  // The oracles: the instant formatted by hand, apart from the application's formatter.

  private static String englishTime(Instant instant) {
    ZonedDateTime t = instant.atZone(ZONE);
    return String.format(
        "%s %d, %d, %02d:%02d:%02d %s",
        ENGLISH_MONTHS[t.getMonthValue() - 1],
        t.getDayOfMonth(),
        t.getYear(),
        t.getHour(),
        t.getMinute(),
        t.getSecond(),
        zoneName(instant));
  }

  private static String frenchTime(Instant instant) {
    ZonedDateTime t = instant.atZone(ZONE);
    return String.format(
        "%d %s %d à %02d:%02d:%02d %s",
        t.getDayOfMonth(),
        FRENCH_MONTHS[t.getMonthValue() - 1],
        t.getYear(),
        t.getHour(),
        t.getMinute(),
        t.getSecond(),
        zoneName(instant));
  }

  private static String zoneName(Instant instant) {
    return ZONE.getRules().isDaylightSavings(instant) ? "EDT" : "EST";
  }

  private UUID custom(String siteKey) {
    return consents.recordDecision(
            siteKey,
            new Decision(
                null,
                1,
                ConsentAction.CUSTOM,
                Map.of("marketing", true, "necessary", true, "statistics", false),
                "en",
                ConsentMethod.SETTINGS,
                false,
                null,
                null))
        .id;
  }

  private static Instant recordedAt(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ConsentRecord.<ConsentRecord>findById(id).recordedAt);
  }

  private static Instant newestAuditTime(long siteId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AuditEntry.listForTenant(Site.<Site>findById(siteId).tenant.id, 1)
                    .get(0)
                    .recordedAt);
  }

  private static long cookie(long siteId, String name) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> Cookie.<Cookie>find("site.id = ?1 and name = ?2", siteId, name).firstResult().id);
  }

  /** What the form would send as it is shown: every named field with its value. */
  private static Map<String, String> formOf(Document page, String form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element field :
        page.selectFirst(form).select("input[name], textarea[name], select[name]")) {
      String name = field.attr("name");
      if (name.equals("csrf-token")) {
        continue;
      }
      if (field.is("select")) {
        Element chosen = field.selectFirst("option[selected]");
        fields.put(name, (chosen == null ? field.selectFirst("option") : chosen).attr("value"));
      } else if (field.is("textarea")) {
        fields.put(name, field.wholeText());
      } else if (field.is("[type=checkbox]")) {
        if (field.hasAttr("checked")) {
          fields.put(name, field.attr("value").isEmpty() ? "on" : field.attr("value"));
        }
      } else {
        fields.put(name, field.attr("value"));
      }
    }
    return fields;
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
