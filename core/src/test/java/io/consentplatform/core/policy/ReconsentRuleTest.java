package io.consentplatform.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.category.Category;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.ConsentStatus;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Provider;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.policy.MaterialChange.Kind;
import io.consentplatform.core.policy.PolicyDiff.FieldChange;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteTexts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Which publications ask visitors again, on real drafts of a real site: texts and translations do
 * not, a new cookie or a changed retention does, and a tenant can always force it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ReconsentRuleTest {

  @Inject VersionService versions;
  @Inject ConsentService consents;
  @Inject PolicyService policies;

  @Test
  void shouldPublishTextsAndTranslationsWithoutAskingAgainAndKeepDecisionsStanding() {
    long siteId = SiteFixture.create("reconsent-texts");
    Caller editor = editorOf(siteId);
    versions.publish(editor, siteId);
    ConsentRecord decided = acceptAll("reconsent-texts", 1);

    edit(
        siteId,
        site -> {
          site.name = "Renamed site";
          site.texts = new TreeMap<>(Map.of("en", textsTitled("Cookies, briefly")));
          Category statistics = category(site, "statistics");
          statistics.texts =
              new TreeMap<>(
                  Map.of(
                      "en", new CategoryText("Audience", "How many people visit"),
                      "fr", new CategoryText("Audience", "Combien de visiteurs")));
          cookie(site, "statistics_cookie").texts =
              new TreeMap<>(
                  Map.of(
                      "en", new CookieText("Everywhere", "To count visits"),
                      "fr", new CookieText("Partout", "Pour compter les visites"),
                      "de", new CookieText("Überall", "Um Besuche zu zählen")));
        });
    VersionService.Draft draft = versions.draft(editor, siteId);
    VersionView second = versions.publish(editor, siteId);

    assertTrue(draft.changedSinceLatest());
    assertFalse(draft.reconsent(), "texts only: " + draft.materialChanges());
    assertEquals(List.of(), draft.materialChanges());
    assertEquals(2, second.number());
    assertFalse(second.reconsent());
    assertEquals(1, second.consentRevision(), "decisions on version 1 still stand");
    assertEquals(
        ConsentStatus.GRANTED,
        consents.status("reconsent-texts", decided.id, "statistics", Instant.now()),
        "the receipt of version 1 still counts");
    BannerConfig banner = BannerConfig.of(policies.current("reconsent-texts").orElseThrow(), "en");
    assertEquals(2, banner.version(), "visitors who decide now decide on version 2");
    assertEquals(1, banner.consentRevision(), "and those who decided on version 1 are not asked");
    ConsentRecord onTheFirst = acceptAll("reconsent-texts", 1);
    assertEquals(1, onTheFirst.policyVersion.number, "a decision on version 1 is still recorded");
  }

  @Test
  void shouldAskAgainForANewCookieInAnOptionalCategory() {
    long siteId = SiteFixture.create("reconsent-cookie");
    Caller editor = editorOf(siteId);
    versions.publish(editor, siteId);
    ConsentRecord decided = acceptAll("reconsent-cookie", 1);

    edit(siteId, site -> addCookie(site, "_pk_id", "statistics"));
    VersionService.Draft draft = versions.draft(editor, siteId);
    VersionView second = versions.publish(editor, siteId);

    assertTrue(draft.reconsent());
    assertEquals(
        List.of(new MaterialChange(Kind.NEW_COOKIE, "_pk_id", "statistics", null, null)),
        draft.materialChanges());
    assertTrue(second.reconsent());
    assertEquals(2, second.consentRevision());
    assertEquals(
        ConsentStatus.SUPERSEDED,
        consents.status("reconsent-cookie", decided.id, "statistics", Instant.now()));
    BannerConfig banner = BannerConfig.of(policies.current("reconsent-cookie").orElseThrow(), "en");
    assertEquals(2, banner.version());
    assertEquals(2, banner.consentRevision(), "the banner asks those who decided on version 1");
  }

  @Test
  void shouldAskAgainWhenTheTenantForcesItForTextsOnly() {
    long siteId = SiteFixture.create("reconsent-forced");
    Caller editor = editorOf(siteId);
    versions.publish(editor, siteId);

    edit(siteId, site -> site.texts = new TreeMap<>(Map.of("en", textsTitled("New wording"))));
    assertFalse(versions.draft(editor, siteId).reconsent());
    VersionView second = versions.publish(editor, siteId, true);

    assertTrue(second.reconsent());
    assertEquals(2, second.consentRevision());
  }

  @Test
  void shouldTellMaterialChangesFromTheOthersOneByOne() {
    long siteId = SiteFixture.create("reconsent-kinds");
    Caller editor = editorOf(siteId);
    versions.publish(editor, siteId);

    edit(
        siteId,
        site -> {
          cookie(site, "statistics_cookie").setRetention(Retention.of(13, Retention.Unit.MONTHS));
          Cookie ad = cookie(site, "marketing_cookie");
          ad.party = Party.THIRD_PARTY;
          ad.wildcard = true;
          // Required: set without consent, so a new one there asks nobody.
          addCookie(site, "csrftoken", "necessary");
          category(site, "marketing").purpose = Purpose.PREFERENCES;
          Category video = new Category();
          video.site = site;
          video.key = "video";
          video.purpose = Purpose.MARKETING;
          video.position = 9;
          video.texts = new TreeMap<>(Map.of("en", new CategoryText("Video", "Embedded videos")));
          video.persist();
        });

    assertEquals(
        List.of(
            new MaterialChange(
                Kind.CATEGORY_PURPOSE, "marketing", "marketing", "MARKETING", "PREFERENCES"),
            new MaterialChange(Kind.NEW_CATEGORY, "video", "video", null, null),
            new MaterialChange(
                Kind.COOKIE_RETENTION, "statistics_cookie", "statistics", "1 day", "13 months"),
            new MaterialChange(Kind.COOKIE_WILDCARD, "marketing_cookie", "marketing", null, null),
            new MaterialChange(
                Kind.COOKIE_THIRD_PARTY, "marketing_cookie", "marketing", null, null)),
        versions.draft(editor, siteId).materialChanges());
  }

  @Test
  void shouldTreatARenamedProviderAndRemovalsAsNothingNewButAnotherProviderAsNew() {
    long siteId = SiteFixture.create("reconsent-providers");
    Caller editor = editorOf(siteId);
    versions.publish(editor, siteId);

    edit(
        siteId,
        site -> {
          Provider.<Provider>find("site = ?1", site).firstResult().name = "Analytics Incorporated";
          cookie(site, "marketing_cookie").delete();
        });
    assertEquals(List.of(), versions.draft(editor, siteId).materialChanges());
    versions.publish(editor, siteId);

    edit(
        siteId,
        site -> {
          Provider other = new Provider();
          other.site = site;
          other.name = "Tracker Ltd";
          other.persist();
          cookie(site, "statistics_cookie").provider = other;
        });
    assertEquals(
        List.of(
            new MaterialChange(
                Kind.COOKIE_PROVIDER,
                "statistics_cookie",
                "statistics",
                "Analytics Incorporated",
                "Tracker Ltd")),
        versions.draft(editor, siteId).materialChanges());
  }

  @Test
  void shouldNameEachChangedFieldWithItsValuesBeforeAndAfter() {
    long siteId = SiteFixture.create("reconsent-fields");
    Caller editor = editorOf(siteId);
    versions.publish(editor, siteId);

    edit(
        siteId,
        site -> {
          site.consentLifetimeDays = 90;
          cookie(site, "statistics_cookie").setRetention(Retention.of(1, Retention.Unit.YEARS));
          category(site, "marketing").texts =
              new TreeMap<>(
                  Map.of(
                      "en", new CategoryText("EN marketing", "About marketing"),
                      "fr", new CategoryText("Publicité", "À propos")));
        });
    PolicyDiff diff = versions.diff(editor, siteId, "1", VersionService.DRAFT);

    assertEquals(
        List.of(
            new FieldChange("cookie", "statistics_cookie", "retention", null, "1 day", "1 year")),
        diff.fieldsOf("cookie", "statistics_cookie"));
    assertEquals(
        List.of(
            new FieldChange("category", "marketing", "name", "fr", "FR marketing", "Publicité")),
        diff.fieldsOf("category", "marketing"));
    assertTrue(
        diff.fields()
            .contains(
                new FieldChange(
                    "site", "reconsent-fields", "consentLifetimeDays", null, "182", "90")),
        diff.fields().toString());
    assertEquals(
        List.of("statistics_cookie"), diff.cookies().changed(), "the lists stay as they were");
  }

  private ConsentRecord acceptAll(String siteKey, int version) {
    return consents.recordDecision(
        siteKey,
        new Decision(
            null,
            version,
            ConsentAction.ACCEPT_ALL,
            Map.of(),
            "en",
            ConsentMethod.BANNER,
            false,
            null,
            null));
  }

  private static Caller editorOf(long siteId) {
    long tenant =
        QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById(siteId).tenant.id);
    return new Caller(tenant, "editor@reconsent.example", Role.EDITOR);
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

  private static void addCookie(Site site, String name, String categoryKey) {
    Cookie cookie = new Cookie();
    cookie.site = site;
    cookie.provider = Provider.find("site", site).firstResult();
    cookie.category = category(site, categoryKey);
    cookie.name = name;
    cookie.setRetention(Retention.of(1, Retention.Unit.DAYS));
    cookie.party = Party.FIRST_PARTY;
    cookie.texts = new TreeMap<>(Map.of("en", new CookieText("Everywhere", "For " + name)));
    cookie.persist();
  }

  private static SiteTexts textsTitled(String title) {
    return new SiteTexts(
        title, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
