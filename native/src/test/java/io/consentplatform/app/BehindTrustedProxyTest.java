package io.consentplatform.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform behind a reverse proxy that terminates TLS: the tests' client (127.0.0.1) is that
 * proxy. Its X-Forwarded-Proto decides the Secure flag and HSTS, its X-Forwarded-For the address
 * the sign-in throttle counts. The same headers from an untrusted peer are ignored (SessionsTest
 * and ConsentResourceTest, where the client is not trusted).
 */
@QuarkusTest
@TestProfile(BehindTrustedProxyTest.Proxied.class)
@WithTestResource(PostgresResource.class)
class BehindTrustedProxyTest {

  /** The loopback client is the trusted proxy; an address is blocked after three failures. */
  public static class Proxied implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "consent.trusted-proxies", "127.0.0.1",
          "consent.admin.sign-in.address-failures", "3");
    }
  }

  private static final String EMAIL = "proxied-owner@cary.example";

  @Inject PolicyService policies;

  private static boolean ready;

  @BeforeEach
  void owner() {
    if (!ready) {
      DemoMembers.add(EMAIL, Role.OWNER);
      policies.publish(SiteFixture.create("proxied"), "test");
      ready = true;
    }
  }

  @Test
  void shouldMarkEveryBackOfficeCookieSecureAndSendHstsWhenTheProxySaysHttps() {
    Response form = https().get("/admin/login");
    assertEquals(200, form.statusCode());
    assertEquals("max-age=31536000", form.header("Strict-Transport-Security"));
    List<String> formCookies = form.headers().getValues("Set-Cookie");
    assertEquals(2, formCookies.size(), formCookies.toString()); // cp_signin and cp_csrf
    assertTrue(
        formCookies.stream().allMatch(BehindTrustedProxyTest::secure), formCookies.toString());

    Response signIn = signIn(https(), form, EMAIL, "pw-" + EMAIL);
    assertEquals(302, signIn.statusCode());
    assertEquals("max-age=31536000", signIn.header("Strict-Transport-Security"));
    String session = signIn.getCookie("cp_admin");
    assertTrue(session != null, "signed in");
    List<String> sessionCookies = signIn.headers().getValues("Set-Cookie");
    assertTrue(
        sessionCookies.stream().allMatch(BehindTrustedProxyTest::secure),
        sessionCookies.toString());

    // Cookies the REST layer writes as headers (the chosen tenant) are marked too.
    Response page = https().cookie("cp_admin", session).get("/admin/tenants");
    String csrf = page.getCookie("cp_csrf");
    Matcher field =
        Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
    assertTrue(field.find(), "the page has a form with its token");
    String token = field.group(1);
    Response chosen =
        https()
            .cookie("cp_admin", session)
            .cookie("cp_csrf", csrf)
            .formParam("csrf-token", token)
            .formParam("tenant", "town-of-cary")
            .post("/admin/tenants");
    assertEquals(303, chosen.statusCode());
    List<String> tenantCookies = chosen.headers().getValues("Set-Cookie");
    assertTrue(
        tenantCookies.stream().anyMatch(c -> c.startsWith("cp_tenant=")), tenantCookies.toString());
    assertTrue(
        tenantCookies.stream().allMatch(BehindTrustedProxyTest::secure), tenantCookies.toString());
  }

  @Test
  void shouldLeaveCookiesPlainWhenTheProxySaysHttp() {
    Response form = fromProxy().header("X-Forwarded-Proto", "http").get("/admin/login");
    assertNull(form.header("Strict-Transport-Security"));
    List<String> cookies = form.headers().getValues("Set-Cookie");
    assertEquals(2, cookies.size(), cookies.toString());
    assertTrue(cookies.stream().noneMatch(BehindTrustedProxyTest::secure), cookies.toString());
  }

  @Test
  void shouldMarkTheVisitorsPreferenceCookieSecureBehindAnHttpsProxy() {
    Response decided =
        https()
            .header("Host", "proxied.example")
            .contentType(ContentType.JSON)
            .body(
                "{\"policyVersion\":1,\"action\":\"accept_all\",\"lang\":\"en\",\"method\":\"banner\"}")
            .post("/v1/sites/proxied/consents");
    assertEquals(201, decided.statusCode(), decided.asString());
    String cookie = decided.header("Set-Cookie");
    assertTrue(cookie.startsWith("cookies_preferences="), cookie);
    assertTrue(cookie.endsWith("; Secure"), cookie);
    assertEquals("max-age=31536000", decided.header("Strict-Transport-Security"));
  }

  @Test
  void shouldBlockAnAddressThatFailsTooOftenAndOnlyThatAddress() {
    String attacker = "203.0.113.66";
    for (int i = 0; i < 3; i++) {
      Response failed = signIn(from(attacker), null, "guess" + i + "@cary.example", "wrong-guess");
      assertTrue(failed.header("Location").endsWith("/admin/login?failed=true"));
    }
    // Blocked now, whatever the account: even the right password is refused, unchecked.
    Response refused = signIn(from(attacker), null, EMAIL, "pw-" + EMAIL);
    assertNull(refused.getCookie("cp_admin"));
    String page = refused.header("Location");
    assertTrue(page.matches("/admin/login\\?retry-after=\\d+"), page);
    Response wait = from(attacker).get(page);
    assertEquals(429, wait.statusCode());
    assertEquals(900, Long.parseLong(wait.header("Retry-After")), 5);

    // The owner behind the same proxy, from their own address, signs in.
    Response owner = signIn(from("198.51.100.20"), null, EMAIL, "pw-" + EMAIL);
    assertTrue(owner.getCookie("cp_admin") != null, owner.header("Location"));
  }

  private static RequestSpecification fromProxy() {
    return given().redirects().follow(false);
  }

  private static RequestSpecification https() {
    return fromProxy().header("X-Forwarded-Proto", "https");
  }

  private static RequestSpecification from(String client) {
    return fromProxy().header("X-Forwarded-For", client);
  }

  /** Posts the sign-in form of {@code form} (or of a form opened now) through {@code request}. */
  private static Response signIn(
      RequestSpecification request, Response form, String email, String password) {
    Response opened = form != null ? form : given().get("/admin/login");
    return request
        .cookie("cp_signin", opened.getCookie("cp_signin"))
        .formParam("signin-token", SignInForm.token(opened.asString()))
        .formParam("j_username", email)
        .formParam("j_password", password)
        .post("/j_security_check");
  }

  private static boolean secure(String setCookie) {
    return setCookie.matches("(?i).*;\\s*Secure\\s*(;.*)?$");
  }
}
