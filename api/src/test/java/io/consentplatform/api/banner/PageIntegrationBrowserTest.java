package io.consentplatform.api.banner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Category;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.cookie.CookieText;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Provider;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.cookie.Storage;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.HtmlPages;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the banner does for the page's own code, in a real Chromium: blocked elements a single-page
 * application adds late, {@code isGranted}, the change event and its TypeScript declarations; and a
 * refusal that removes what the category had stored. The pages are served as {@code
 * shop.town.localhost} (Chromium resolves every {@code *.localhost} to loopback), so that cookies
 * can live on a parent domain too.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PageIntegrationBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject PolicyService policies;

  @TestHTTPResource("/")
  URL api;

  // One Chromium for the class; each test starts as a new visitor.
  private static ChromeDriver browser;
  private static HtmlPages pages;

  @BeforeAll
  static void start() {
    browser = Chromium.start();
  }

  @BeforeEach
  void newVisitor() throws IOException {
    if (pages == null) {
      pages = pages(api.toString().replaceAll("/$", ""));
    }
    browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.get(url("nothing-here"));
    browser.executeScript("localStorage.clear(); sessionStorage.clear();");
  }

  @AfterAll
  static void stop() {
    browser.quit();
    browser = null;
    if (pages != null) {
      pages.close();
      pages = null;
    }
  }

  @Test
  void shouldRunLateBlockedElementsOnlyOnceAllowedAndTellThePage() {
    String site = publishedSite("spa-late", false);
    browser.get(url(site));
    banner();
    assertEquals(false, script("return ConsentPlatform.isGranted('statistics')"));
    assertEquals(
        false, script("return ConsentPlatform.isGranted('necessary')"), "nothing runs yet");

    // As a framework renders: elements created and inserted after load, before any decision.
    addBlocked("statistics", "early");
    settle();
    assertNull(script("return window.ran.early"), "a late element waits for the decision");
    assertEquals(0L, script("return window.seen.length"), "no change yet");

    banner().findElement(By.cssSelector("[data-action=customize]")).click();
    banner().findElement(By.cssSelector("input[name=statistics]")).click();
    banner().findElement(By.cssSelector("[data-action=custom]")).click();

    new WebDriverWait(browser, WAIT).until(d -> script("return window.ran.early") != null);
    assertEquals(1L, script("return window.ran.early"));
    assertEquals(true, script("return ConsentPlatform.isGranted('statistics')"));
    assertEquals(false, script("return ConsentPlatform.isGranted('marketing')"));
    assertEquals(true, script("return ConsentPlatform.isGranted('necessary')"));
    assertEquals(1L, script("return window.seen.length"), "one event, seen on document");
    assertEquals(1L, script("return window.seenOnWindow"), "and on window, where it bubbles");
    assertEquals(
        Map.of("necessary", true, "statistics", true, "marketing", false),
        script("return window.seen[0].choices"));
    assertEquals(
        script("return ConsentPlatform.getConsent().version"),
        script("return window.seen[0].version"));

    // After the decision: an allowed script and frame run as soon as they are added, a refused one
    // never; a batch of them costs one pass.
    addBlocked("statistics", "late");
    addBlocked("marketing", "lateMarketing");
    browser.executeScript(
        "var f = document.createElement('iframe'); f.setAttribute('data-category', 'statistics');"
            + " f.setAttribute('data-src', 'about:blank#late'); f.id = 'late-frame';"
            + " document.getElementById('app').appendChild(f);");
    new WebDriverWait(browser, WAIT).until(d -> script("return window.ran.late") != null);
    new WebDriverWait(browser, WAIT).until(d -> "about:blank#late".equals(frameSource()));
    settle();
    assertEquals(1L, script("return window.ran.late"), "run once");
    assertEquals(1L, script("return window.ran.early"), "not run again");
    assertNull(script("return window.ran.lateMarketing"), "marketing was not chosen");

    // A new page: the decision comes back from the cookie, and so does the event.
    browser.navigate().refresh();
    new WebDriverWait(browser, WAIT).until(d -> (Long) script("return window.seen.length") == 1);
    addBlocked("statistics", "afterReload");
    new WebDriverWait(browser, WAIT).until(d -> script("return window.ran.afterReload") != null);
  }

  @Test
  void shouldDeclareTheApiThePageSeesInTypeScript() {
    String site = publishedSite("spa-types", false);
    String declarations =
        given()
            .when()
            .get("/v1/banner.d.ts")
            .then()
            .statusCode(200)
            .contentType("application/typescript")
            .header("Cache-Control", "public, max-age=3600")
            .header("X-Content-Type-Options", "nosniff")
            .extract()
            .asString();
    String etag = given().get("/v1/banner.d.ts").header("ETag");
    given().header("If-None-Match", etag).when().get("/v1/banner.d.ts").then().statusCode(304);
    assertEquals(
        declarations,
        given()
            .get("/v1/sites/" + site + "/banner.d.ts")
            .then()
            .statusCode(200)
            .extract()
            .asString(),
        "the same beside the script");

    // Structure: braces balance, and the interface declares exactly what the live script offers.
    assertEquals(count(declarations, '{'), count(declarations, '}'));
    Matcher api =
        Pattern.compile("interface ConsentPlatformApi \\{(.*?)\\n\\}", Pattern.DOTALL)
            .matcher(declarations);
    assertTrue(api.find(), declarations);
    Matcher method = Pattern.compile("^\\s+(\\w+)\\(", Pattern.MULTILINE).matcher(api.group(1));
    TreeSet<String> declared = new TreeSet<>();
    while (method.find()) {
      declared.add(method.group(1));
    }
    browser.get(url(site));
    banner();
    @SuppressWarnings("unchecked")
    List<String> offered = (List<String>) script("return Object.keys(window.ConsentPlatform)");
    assertEquals(new TreeSet<>(offered), declared);
    assertTrue(
        declarations.contains("\"consentplatform:change\": ConsentChangeEvent;"),
        "the event is in the event maps");
    assertTrue(declarations.contains("isGranted(category: string): boolean;"));
  }

  @Test
  void shouldRemoveWhatAWithdrawnCategoryStoredAndKeepTheRest() {
    String site = publishedSite("erase-withdraw", true);
    browser.get(url(site));
    banner().findElement(By.cssSelector("[data-action=accept_all]")).click();
    awaitRecords(site, 1);

    // The statistics script of the page stores what the site declared, and more.
    browser.executeScript(
        """
        document.cookie = 'st_exact=root; path=/';
        document.cookie = 'st_exact=shop; path=/%1$s/shop';
        document.cookie = '_sa_here=1';
        document.cookie = '_sa_parent=1; domain=town.localhost; path=/';
        document.cookie = 'necessary_cookie=1; path=/';
        document.cookie = 'undeclared=1; path=/';
        localStorage.setItem('st_key', '1');
        localStorage.setItem('st_keyring', 'not the declared key');
        localStorage.setItem('other_key', '1');
        sessionStorage.setItem('st_tmp_1', '1');
        sessionStorage.setItem('st_tmp_2', '1');
        """
            .formatted(site));
    assertTrue(
        cookieNames().containsAll(List.of("st_exact", "_sa_here", "_sa_parent")),
        cookieNames().toString());

    browser.executeScript("ConsentPlatform.show()");
    banner().findElement(By.cssSelector("[data-action=reject_all]")).click();
    awaitRecords(site, 2);
    assertEquals(ConsentAction.WITHDRAW, latestAction(site));

    List<String> left = cookieNames();
    assertFalse(left.contains("st_exact"), left.toString());
    assertFalse(left.contains("_sa_here"), left.toString());
    assertFalse(left.contains("_sa_parent"), left.toString());
    assertTrue(
        left.containsAll(List.of("necessary_cookie", "undeclared", "cookies_preferences")),
        left.toString());
    assertEquals(
        List.of("cookies_preferences", "other_key", "st_keyring"),
        script("return Object.keys(localStorage).sort()"));
    assertEquals(
        List.of(),
        script(
            "return Object.keys(sessionStorage).filter(function (k) {"
                + " return k.indexOf('st_') === 0; })"));

    // Refused, it stays removed on the next page: a script that stored it anyway is undone.
    browser.executeScript("document.cookie = 'st_exact=again; path=/';");
    browser.navigate().refresh();
    new WebDriverWait(browser, WAIT).until(d -> !cookieNames().contains("st_exact"));
    assertTrue(cookieNames().contains("cookies_preferences"));
  }

  /** Every cookie Chromium holds, by name, as its network layer reports them. */
  @SuppressWarnings("unchecked")
  private List<String> cookieNames() {
    Map<String, Object> answer = browser.executeCdpCommand("Network.getAllCookies", Map.of());
    List<String> names = new ArrayList<>();
    for (Map<String, Object> cookie : (List<Map<String, Object>>) answer.get("cookies")) {
      names.add((String) cookie.get("name"));
    }
    return names;
  }

  private void addBlocked(String category, String name) {
    browser.executeScript(
        "var s = document.createElement('script'); s.type = 'text/plain';"
            + " s.setAttribute('data-category', arguments[0]);"
            + " s.text = 'window.ran[\"' + arguments[1] + '\"] = (window.ran[\"' + arguments[1]"
            + " + '\"] || 0) + 1;';"
            + " var holder = document.createElement('div'); holder.appendChild(s);"
            + " document.getElementById('app').appendChild(holder);",
        category,
        name);
  }

  private String frameSource() {
    return browser.findElement(By.id("late-frame")).getAttribute("src");
  }

  /** Lets the page's microtasks and a frame or two pass. */
  private void settle() {
    browser.executeAsyncScript(
        "var done = arguments[0]; requestAnimationFrame(function () { setTimeout(done, 100); });");
  }

  private Object script(String script) {
    return browser.executeScript(script);
  }

  private static long count(String text, char c) {
    return text.chars().filter(x -> x == c).count();
  }

  private WebElement banner() {
    return new WebDriverWait(browser, WAIT)
        .until(
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector(".cp-banner"));
              return found.isEmpty() ? null : found.get(0);
            });
  }

  private void awaitRecords(String siteKey, long expected) {
    new WebDriverWait(browser, WAIT)
        .until(
            d ->
                QuarkusTransaction.requiringNew()
                        .call(() -> ConsentRecord.count("site.key", siteKey))
                    >= expected);
  }

  private static ConsentAction latestAction(String siteKey) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ConsentRecord.<ConsentRecord>find("site.key = ?1 order by recordedAt desc", siteKey)
                    .firstResult()
                    .action);
  }

  /**
   * Publishes a site of SiteFixture's served from the test pages; with {@code storage}, its
   * statistics category also declares cookies by exact name and by prefix, a localStorage key and
   * sessionStorage keys by prefix, and what the banner cannot remove (HttpOnly, third-party).
   */
  private String publishedSite(String key, boolean storage) {
    long id = SiteFixture.create(key, List.of(domain()));
    if (storage) {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                Site site = Site.findById(id);
                Category statistics =
                    Category.find("site = ?1 and key = 'statistics'", site).firstResult();
                Provider provider = Provider.find("site", site).firstResult();
                declare(site, statistics, provider, "st_exact", false, Storage.COOKIE, false);
                declare(site, statistics, provider, "_sa_", true, Storage.COOKIE, false);
                declare(site, statistics, provider, "st_key", false, Storage.LOCAL_STORAGE, false);
                declare(
                    site, statistics, provider, "st_tmp_", true, Storage.SESSION_STORAGE, false);
                declare(site, statistics, provider, "st_server", false, Storage.COOKIE, true);
              });
    }
    policies.publish(id, "test");
    return key;
  }

  private static void declare(
      Site site,
      Category category,
      Provider provider,
      String name,
      boolean wildcard,
      Storage storage,
      boolean httpOnly) {
    Cookie cookie = new Cookie();
    cookie.site = site;
    cookie.provider = provider;
    cookie.category = category;
    cookie.name = name;
    cookie.wildcard = wildcard;
    cookie.storage = storage;
    cookie.httpOnly = httpOnly;
    cookie.setRetention(Retention.of(1, Retention.Unit.DAYS));
    cookie.party = Party.FIRST_PARTY;
    cookie.texts = new TreeMap<>(Map.of("en", new CookieText("Everywhere", "Statistics")));
    cookie.persist();
  }

  private static String domain() {
    return "shop.town.localhost:" + pages.port();
  }

  /** A page deep in the site, so that cookies can sit on several paths. */
  private static String url(String siteKey) {
    return "http://" + domain() + "/" + siteKey + "/shop/cart/page";
  }

  /**
   * The tenant's single-page application: it listens for the change event on document and on window
   * from the start, and renders into {@code #app}.
   */
  private static HtmlPages pages(String apiBase) {
    return HtmlPages.serve(
        true,
        (uri, port) ->
            """
              <!DOCTYPE html>
              <html lang="en">
              <head>
              <meta charset="utf-8">
              <title>A single-page shop</title>
              <script>
                window.ran = {}; window.seen = []; window.seenOnWindow = 0;
                document.addEventListener('consentplatform:change', function (e) {
                  window.seen.push(e.detail);
                });
                window.addEventListener('consentplatform:change', function () {
                  window.seenOnWindow++;
                });
              </script>
              <script src="%s/v1/sites/%s/banner.js"></script>
              </head>
              <body><main id="app"><h1>Shop</h1></main></body>
              </html>
              """
                .formatted(apiBase, uri.getPath().split("/")[1]));
  }
}
