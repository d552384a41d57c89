package io.consentplatform.admin;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.policy.PolicyVersion;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.site.SiteTexts;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The versions page tells before publishing whether visitors will be asked again and why, lists
 * each changed field with its old and new value, and lets an editor force re-consent.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class VersionsPageTest {

  @Inject LocalAccounts accounts;
  @Inject PolicyService policies;

  @TestHTTPResource("/")
  URL base;

  @Test
  void shouldPublishATextOnlyDraftWithoutAskingAndSayWhyAndWhatChanged() {
    long site = siteWithEditor("versions-texts", "editor@versions-texts.example");
    BackOffice editor = BackOffice.signIn("editor@versions-texts.example");
    String page = "/admin/sites/" + site + "/versions";
    changeTexts(site);

    Document draft = editor.page(page, 200);

    assertEquals(
        "Published without asking visitors again: only texts changed.",
        draft.select("#draft-kind").text());
    assertFalse(draft.select("#draft-kind").hasClass("asks-again"));
    String changes = draft.select("section[aria-labelledby=draft] .changes").text();
    assertTrue(changes.contains("Category changed: statistics"), changes);
    assertTrue(changes.contains("Name (fr): 'FR statistics' → 'Mesure d'audience'"), changes);
    assertTrue(
        changes.contains(
            "Texts changed in: en Banner title: 'Your choice about cookies' → 'Cookies, briefly'"),
        changes);
    assertEquals(1, draft.select("form.publish input[name=reconsent]").size(), "can force it");

    editor.submit(page, page, Map.of()).then().statusCode(422);
    assertEquals(1, versions(site), "nothing is published without the confirmation");
    editor
        .submit(page, page, Map.of("confirm", "yes"))
        .then()
        .statusCode(303)
        .header("Location", endsWith("done=published-quietly"));

    assertEquals(1, consentRevision(site, 2), "visitors who decided on version 1 keep it");
    Document after = editor.page(page + "?done=published-quietly&compare=2", 200);
    assertEquals(
        "The new version is published: visitors keep their choices.",
        after.select(".notice").text());
    assertTrue(
        after
            .select("#compared + ul.changes")
            .text()
            .contains("Name (fr): 'FR statistics' → 'Mesure d'audience'"),
        "what version 2 changed, field by field");
    assertEquals(
        List.of("no", "yes"),
        after.select("section[aria-labelledby=published] tbody tr td:nth-of-type(4)").eachText(),
        "the list says which versions asked visitors again");
  }

  @Test
  void shouldShowWhereALongTextChangedRatherThanItsUnchangedStart() {
    long site = SiteFixture.create("versions-long-text");
    String start = "We measure how this portal is used to make it better for everyone. ".repeat(4);
    edit(site, s -> s.texts = new TreeMap<>(Map.of("en", intro(start + "Thanks for reading."))));
    policies.publish(site, "test");
    BackOffice.person(accounts, "editor@versions-long.example", site, Role.EDITOR);
    edit(site, s -> s.texts = new TreeMap<>(Map.of("en", intro(start + "Thank you for reading."))));

    Document draft =
        BackOffice.signIn("editor@versions-long.example")
            .page("/admin/sites/" + site + "/versions", 200);

    String changes = draft.select("section[aria-labelledby=draft] .changes").text();
    assertTrue(
        changes.contains("better for everyone. Thanks for reading.' → '…"), "before: " + changes);
    assertTrue(changes.endsWith("better for everyone. Thank you for reading.'"), changes);
  }

  private static SiteTexts intro(String text) {
    return new SiteTexts(
        null, null, null, null, null, null, null, null, null, null, text, null, null, null);
  }

  @Test
  void shouldSayWhyAMaterialDraftAsksAgain() {
    long site = siteWithEditor("versions-material", "editor@versions-material.example");
    BackOffice editor = BackOffice.signIn("editor@versions-material.example");
    String page = "/admin/sites/" + site + "/versions";
    edit(
        site,
        s -> cookie(s, "statistics_cookie").setRetention(Retention.of(1, Retention.Unit.YEARS)));

    Document draft = editor.page(page, 200);

    assertEquals(
        "Visitors will be asked again: retention of cookie statistics_cookie changed from"
            + " '1 day' to '1 year'.",
        draft.select("#draft-kind").text());
    assertTrue(draft.select("#draft-kind").hasClass("asks-again"));
    String changes = draft.select(".changes").text();
    assertTrue(
        changes.contains("Cookie changed: statistics_cookie Retention: '1 day' → '1 year'"),
        changes);
    assertTrue(draft.select("form.publish input[name=reconsent]").isEmpty(), "it asks anyway");
    editor
        .submit(page, page, Map.of("confirm", "yes"))
        .then()
        .statusCode(303)
        .header("Location", endsWith("done=published"));
    assertEquals(2, consentRevision(site, 2));
  }

  @Test
  void shouldAskAgainWhenTheEditorForcesItAndSayItInFrench() {
    long site = siteWithEditor("versions-forced", "editor@versions-forced.example");
    BackOffice editor = BackOffice.signIn("editor@versions-forced.example").speaking("fr");
    String page = "/admin/sites/" + site + "/versions";
    changeTexts(site);

    Document draft = editor.page(page, 200);
    assertEquals(
        "Publiée sans solliciter de nouveau les visiteurs : seuls des textes ont changé.",
        draft.select("#draft-kind").text().replace('\u00a0', ' '));
    assertTrue(
        draft
            .select(".changes")
            .text()
            .replace('\u00a0', ' ')
            .contains("Nom (fr) : « FR statistics » → « Mesure d'audience »"),
        draft.select(".changes").text());

    Document refused =
        Jsoup.parse(
            editor
                .submit(page, page, Map.of("reconsent", "yes"))
                .then()
                .statusCode(422)
                .extract()
                .asString());
    assertTrue(
        refused.select("form.publish input[name=reconsent]").hasAttr("checked"),
        "the choice to ask again is kept while the confirmation is missing");
    assertEquals(1, versions(site));
    editor
        .submit(page, page, Map.of("confirm", "yes", "reconsent", "yes"))
        .then()
        .statusCode(303)
        .header("Location", endsWith("done=published"));
    assertEquals(2, consentRevision(site, 2), "forced: everyone is asked again");
  }

  @Test
  void shouldShowATextOnlyDraftInTheBrowser() {
    long site = siteWithEditor("versions-browser", "editor@versions-browser.example");
    changeTexts(site);
    ChromeDriver browser = Chromium.start();
    try {
      browser.get(base + "admin/login");
      browser.findElement(By.id("j_username")).sendKeys("editor@versions-browser.example");
      browser.findElement(By.id("j_password")).sendKeys("pw-editor@versions-browser.example");
      browser.findElement(By.cssSelector("form button[type=submit]")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(d -> d.getCurrentUrl().endsWith("/admin/sites"));
      browser.get(base + "admin/sites/" + site + "/versions");

      assertTrue(browser.findElement(By.id("draft-kind")).isDisplayed());
      assertEquals(
          "Published without asking visitors again: only texts changed.",
          browser.findElement(By.id("draft-kind")).getText());
      Chromium.screenshot(browser, Path.of("target/screenshots/versions-texts-only.png"));
      String directory = System.getProperty("screenshots.dir");
      if (directory != null && !directory.isBlank()) {
        Chromium.screenshot(browser, Path.of(directory, "point3-after.png"));
      }
    } finally {
      browser.quit();
    }
  }

  /** A corrected banner title and a French category name: wording only. */
  private static void changeTexts(long site) {
    edit(
        site,
        s -> {
          s.texts =
              new TreeMap<>(
                  Map.of(
                      "en",
                      new SiteTexts(
                          "Cookies, briefly",
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null)));
          Category.<Category>find("site = ?1 and key = 'statistics'", s).firstResult().texts =
              new TreeMap<>(
                  Map.of(
                      "en", new CategoryText("EN statistics", "About statistics"),
                      "fr", new CategoryText("Mesure d'audience", "À propos")));
        });
  }

  private long siteWithEditor(String key, String email) {
    long site = SiteFixture.create(key);
    policies.publish(site, "test");
    BackOffice.person(accounts, email, site, Role.EDITOR);
    return site;
  }

  private static void edit(long siteId, Consumer<Site> change) {
    QuarkusTransaction.requiringNew().run(() -> change.accept(Site.findById(siteId)));
  }

  private static Cookie cookie(Site site, String name) {
    return Cookie.find("site = ?1 and name = ?2", site, name).firstResult();
  }

  private static long versions(long siteId) {
    return QuarkusTransaction.requiringNew().call(() -> PolicyVersion.count("site.id", siteId));
  }

  private static int consentRevision(long siteId, int number) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                PolicyVersion.<PolicyVersion>find("site.id = ?1 and number = ?2", siteId, number)
                    .firstResult()
                    .consentRevision);
  }
}
