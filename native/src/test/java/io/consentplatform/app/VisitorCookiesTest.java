package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.ApiKeyService;
import io.consentplatform.core.tenant.NewApiKey;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.Chromium;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A consent platform must not do what it exists to prevent: no answer to a visitor or an API client
 * sets a cookie, except the preference cookie in the answer to the visitor's own decision. The CSRF
 * cookie belongs to the back office.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class VisitorCookiesTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject PolicyService policies;
  @Inject ApiKeyService apiKeys;

  @TestHTTPResource("/")
  URL platform;

  @Test
  void shouldLeaveNoCookieFromEitherOriginAfterAFirstVisit() {
    try (TenantPage page = new TenantPage(platform.toString())) {
      policies.publish(SiteFixture.create("cookieless", List.of(page.domain())), "test");
      ChromeDriver browser = Chromium.start();
      try {
        browser.get(page.url("cookieless"));
        new WebDriverWait(browser, WAIT)
            .until(d -> !d.findElements(By.cssSelector(".cp-banner")).isEmpty());
        browser.get(platform + "sites/cookieless/cookie-policy");
        new WebDriverWait(browser, WAIT)
            .until(d -> !d.findElements(By.cssSelector("h1")).isEmpty());

        assertEquals(List.of(), cookies(browser), "no cookie before any choice, from any origin");

        // The oracle sees cookies when there are some: the visitor's own choice leaves one.
        browser.get(page.url("cookieless"));
        new WebDriverWait(browser, WAIT)
            .until(d -> !d.findElements(By.cssSelector(".cp-banner")).isEmpty());
        browser.findElement(By.cssSelector("[data-action=reject_all]")).click();
        new WebDriverWait(browser, WAIT).until(d -> !cookies(browser).isEmpty());
        assertEquals(List.of("cookies_preferences@127.0.0.1"), cookies(browser));
      } finally {
        browser.quit();
      }
    }
  }

  @Test
  void shouldSetNoCookieOnAnyPublicOrApiAnswer() {
    String secret = QuarkusTransaction.requiringNew().call(this::apiKeyOfTheDemoTenant);
    Map<String, Response> answers =
        Map.of(
            "banner.js", given().get("/v1/sites/townofcary/banner.js"),
            "banner", given().get("/v1/sites/townofcary/banner?lang=fr"),
            "policy page", given().get("/sites/townofcary/cookie-policy"),
            "jwks", given().get("/.well-known/jwks.json"),
            "tenant API, no key", given().get("/v1/tenant"),
            "tenant API", given().header("X-Api-Key", secret).get("/v1/tenant"),
            "tenant API sites", given().header("X-Api-Key", secret).get("/v1/tenant/sites"));
    answers.forEach(
        (what, answer) -> {
          assertTrue(answer.statusCode() < 500, what + " answered " + answer.statusCode());
          assertFalse(
              answer.headers().hasHeaderWithName("Set-Cookie"),
              what + " set " + answer.headers().getValues("Set-Cookie"));
        });
    assertEquals(200, answers.get("tenant API").statusCode(), "the key works");

    // The back office keeps its CSRF cookie, for its own pages only.
    Response signIn = given().get("/admin/login");
    assertEquals(200, signIn.statusCode());
    String csrf = String.join("; ", signIn.headers().getValues("Set-Cookie"));
    assertTrue(csrf.contains("cp_csrf=") && csrf.contains("Path=/admin"), csrf);
  }

  private String apiKeyOfTheDemoTenant() {
    long tenant = Site.findByKey("townofcary").orElseThrow().tenant.id;
    Caller owner = new Caller(tenant, "cookie-test", Role.OWNER);
    return apiKeys.create(owner, new NewApiKey("Cookie test", Role.VIEWER)).secret();
  }

  /** Every cookie the browser holds, from every origin, as "name@domain". */
  @SuppressWarnings("unchecked")
  private static List<String> cookies(ChromeDriver browser) {
    Map<String, Object> all = browser.executeCdpCommand("Network.getAllCookies", Map.of());
    return ((List<Map<String, Object>>) all.get("cookies"))
        .stream().map(c -> c.get("name") + "@" + c.get("domain")).sorted().toList();
  }
}
