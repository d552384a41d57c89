package io.consentplatform.api.demo;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.demo.DemoSite;
import io.consentplatform.core.scan.ScanReach;
import io.consentplatform.core.scan.ScanSchedule;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The demo of the Town of Cary portal that the platform serves under townofcary.localhost: its
 * pages say they are a demo, embed the demo site's banner, set the portal's three server cookies on
 * their own host and path only, and the demo site declares their address with this start's port.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DemoPagesTest {

  @TestHTTPResource("/")
  URL platform;

  @Inject DemoSite demoSite;
  @Inject ScanReach reach;

  private static final String NOTICE =
      "Demo page served by the Consent Platform, imitating data.townofcary.org";

  @Test
  void shouldServeTheHomePageWithTheNoticeTheBannerAndThePortalsThreeCookies() {
    Response home = onDemoHost().get("/demo/townofcary/");

    assertEquals(200, home.statusCode());
    assertTrue(home.contentType().startsWith("text/html"), home.contentType());
    Document page = Jsoup.parse(home.body().asString());
    assertEquals(NOTICE, page.selectFirst("#demo-notice").text());
    assertEquals(
        List.of("http://localhost:" + port() + "/v1/sites/townofcary/banner.js"),
        page.select("script[src]").eachAttr("src"));

    List<String> cookies = new ArrayList<>(home.headers().getValues("Set-Cookie"));
    assertEquals(3, cookies.size(), cookies.toString());
    assertMatches(
        "sessionid=[a-z0-9]{32}; Path=/demo/townofcary/; Max-Age=1209600; HttpOnly; SameSite=Lax",
        cookies.get(0));
    assertMatches(
        "csrftoken=[a-z0-9]{32}; Path=/demo/townofcary/; Max-Age=31449600; SameSite=Lax",
        cookies.get(1));
    assertEquals("django_language=en; Path=/demo/townofcary/", cookies.get(2));
  }

  @Test
  void shouldNotSetTheCookiesAgainWhenTheBrowserHasThem() {
    Response again =
        onDemoHost()
            .cookie("sessionid", "abc")
            .cookie("csrftoken", "def")
            .cookie("django_language", "en")
            .get("/demo/townofcary/explore/");

    assertEquals(200, again.statusCode());
    assertFalse(again.headers().hasHeaderWithName("Set-Cookie"), again.headers().toString());
  }

  @Test
  void shouldListEveryPageInTheSitemapNamedByRobotsTxt() {
    Response robots = onDemoHost().get("/robots.txt");
    assertEquals(200, robots.statusCode());
    String origin = "http://townofcary.localhost:" + port();
    assertEquals(
        "User-agent: *\nAllow: /\n\nSitemap: " + origin + "/demo/townofcary/sitemap.xml\n",
        robots.body().asString());

    Response sitemap = onDemoHost().get("/demo/townofcary/sitemap.xml");
    assertEquals(200, sitemap.statusCode());
    assertTrue(sitemap.contentType().startsWith("application/xml"), sitemap.contentType());
    List<String> pages =
        Jsoup.parse(sitemap.body().asString(), "", org.jsoup.parser.Parser.xmlParser())
            .select("url > loc")
            .eachText();
    assertEquals(
        List.of(
            origin + "/demo/townofcary/",
            origin + "/demo/townofcary/explore/",
            origin + "/demo/townofcary/explore/dataset/building-permits/",
            origin + "/demo/townofcary/explore/dataset/parks-and-facilities/",
            origin + "/demo/townofcary/pages/about/"),
        pages);
    assertFalse(sitemap.headers().hasHeaderWithName("Set-Cookie"));

    for (String address : pages) {
      Response page = onDemoHost().get(address.substring(origin.length()));
      assertEquals(200, page.statusCode(), address);
      Document document = Jsoup.parse(page.body().asString());
      assertEquals(NOTICE, document.selectFirst("#demo-notice").text(), address);
      Element banner = document.selectFirst("script[src$=/v1/sites/townofcary/banner.js]");
      assertTrue(banner != null, address + " embeds the banner");
    }
  }

  @Test
  void shouldLeadFromTheHostsRootToTheDemo() {
    Response root = onDemoHost().get("/");
    assertEquals(302, root.statusCode());
    assertEquals("/demo/townofcary/", root.header("Location"));

    Response withoutSlash = onDemoHost().get("/demo/townofcary");
    assertEquals(302, withoutSlash.statusCode());
    assertEquals("/demo/townofcary/", withoutSlash.header("Location"));
  }

  @Test
  void shouldRedirectTheDemoFromAnyOtherHostName() {
    for (String host : List.of("localhost:" + port(), "127.0.0.1:" + port(), "example.org")) {
      Response redirected =
          given()
              .redirects()
              .follow(false)
              .header("Host", host)
              .get("/demo/townofcary/explore/?q=parks");

      assertEquals(302, redirected.statusCode(), host);
      assertEquals(
          "http://townofcary.localhost:" + port() + "/demo/townofcary/explore/?q=parks",
          redirected.header("Location"),
          host);
      assertFalse(redirected.headers().hasHeaderWithName("Set-Cookie"), host);
    }
  }

  @Test
  void shouldServeNothingButTheDemoUnderItsHostName() {
    for (String path :
        List.of(
            "/admin/login",
            "/v1/sites/townofcary/banner",
            "/v1/sites/townofcary/banner.js",
            "/sites/townofcary/cookie-policy",
            "/demo/townofcary/nothing-here/")) {
      Response answer = onDemoHost().cookie("cookies_preferences", "x").get(path);

      assertEquals(404, answer.statusCode(), path);
      assertTrue(answer.body().asString().contains(NOTICE), path);
      assertFalse(answer.headers().hasHeaderWithName("Set-Cookie"), path);
    }
  }

  @Test
  void shouldDeclareTheDemoPagesWithThisStartsPortAndAcceptTheirBannerRequests() {
    String local = "townofcary.localhost:" + port();
    await().atMost(Duration.ofSeconds(10)).until(() -> domains().contains(local));
    assertEquals(List.of("data.townofcary.org", local), domains());
    assertEquals(
        ScanSchedule.OFF,
        QuarkusTransaction.requiringNew()
            .call(() -> Site.findByKey("townofcary").orElseThrow().scanSchedule));
    // Its scans may reach the demo pages and the platform (the banner), on loopback; no other
    // site's may reach anything local.
    assertEquals(Set.of(local, "localhost:" + port()), reach.reachable("townofcary"));
    assertEquals(Set.of(local), reach.pages("townofcary"), "only the demo pages are crawled");
    assertEquals(Set.of(), reach.reachable("demo-pages-other-site"));

    String banner =
        given()
            .header("Origin", "http://" + local)
            .get("/v1/sites/townofcary/banner")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(banner.contains("originDeclared"), banner);
  }

  @Test
  void shouldReplaceTheAddressOfAnEarlierStart() {
    await().atMost(Duration.ofSeconds(10)).until(() -> domains().size() == 2);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Site site = Site.findByKey("townofcary").orElseThrow();
              site.domains =
                  new ArrayList<>(
                      List.of(
                          "townofcary.localhost:1234",
                          "data.townofcary.org",
                          "townofcary.localhost"));
              site.scanSchedule = ScanSchedule.MONTHLY;
            });

    demoSite.serveAt(port());

    assertEquals(List.of("data.townofcary.org", "townofcary.localhost:" + port()), domains());
    assertEquals(
        ScanSchedule.OFF,
        QuarkusTransaction.requiringNew()
            .call(() -> Site.findByKey("townofcary").orElseThrow().scanSchedule));
  }

  private RequestSpecification onDemoHost() {
    return given().redirects().follow(false).header("Host", "townofcary.localhost:" + port());
  }

  private int port() {
    return platform.getPort();
  }

  private static List<String> domains() {
    return QuarkusTransaction.requiringNew()
        .call(() -> List.copyOf(Site.findByKey("townofcary").orElseThrow().domains));
  }

  private static void assertMatches(String regex, String actual) {
    assertTrue(Pattern.matches(regex, actual), actual + " does not match " + regex);
  }
}
