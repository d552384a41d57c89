package io.consentplatform.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.tenant.IssuedLink;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.OneTimeLinks;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How long a back-office session lives and what ends it: the cookie alone, copied by a thief, must
 * stop working when its owner signs out or gets a new password, and at its absolute lifetime.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class SessionsTest {

  /** The test profile's session key (admin-ui's microprofile-config.properties). */
  private static final String SESSION_KEY = "test-only-session-key-0123456789abcdef";

  @Inject LocalAccounts accounts;
  @Inject OneTimeLinks links;

  private static long site;

  @BeforeEach
  void people() {
    if (site == 0) {
      site = SiteFixture.create("session-site");
      for (String who :
          new String[] {
            "leaver", "copied", "reset", "old", "young", "get", "guessed", "bystander"
          }) {
        BackOffice.person(accounts, who + "@session.example", site, Role.OWNER);
      }
    }
  }

  @Test
  void shouldNotSignOutOnAGetThatAnyPageCouldTrigger() {
    BackOffice person = BackOffice.signIn("get@session.example");
    person.request().when().get("/admin/logout").then().statusCode(405);
    person.page("/admin/sites", 200);
  }

  @Test
  void shouldRefuseASignOutWithoutTheFormsToken() {
    BackOffice person = BackOffice.signIn("leaver@session.example");
    String csrf = person.request().when().get("/admin/sites").getCookie("cp_csrf");
    person
        .request()
        .cookie("cp_csrf", csrf)
        .formParam("csrf-token", "forged-token-of-the-attackers-page")
        .when()
        .post("/admin/logout")
        .then()
        .statusCode(400);
    person.page("/admin/sites", 200);
  }

  @Test
  void shouldEndACopyOfTheSessionCookieAtSignOut() {
    BackOffice person = BackOffice.signIn("copied@session.example");
    BackOffice thief = BackOffice.holding(person.sessionCookie());
    thief.page("/admin/sites", 200);

    person.signOut().then().statusCode(303).cookie("cp_admin", "");

    thief
        .request()
        .when()
        .get("/admin/sites")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/admin/login"));
    // Signing in again opens a new session that works.
    BackOffice.signIn("copied@session.example").page("/admin/sites", 200);
  }

  @Test
  void shouldEndOpenSessionsWhenThePasswordIsReset() {
    BackOffice thief = BackOffice.signIn("reset@session.example");
    thief.page("/admin/sites", 200);

    IssuedLink link = links.passwordReset("reset@session.example").orElseThrow();
    links.setPassword(link.token(), "a brand new passphrase");

    thief
        .request()
        .when()
        .get("/admin/sites")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/admin/login"));
  }

  @Test
  void shouldEndASessionAtItsAbsoluteLifetimeHoweverActive() throws Exception {
    // The cookie as the sign-in writes it, for a session opened 13 hours ago that was used a
    // minute ago (so its idle timeout is far): the lifetime is 12 hours.
    String old = sessionCookie("old@session.example", Instant.now().minus(Duration.ofHours(13)));
    BackOffice.holding(old)
        .request()
        .when()
        .get("/admin/sites")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/admin/login"));
    // The same cookie for a session opened an hour ago works: the refusal is the age alone.
    String young = sessionCookie("young@session.example", Instant.now().minus(Duration.ofHours(1)));
    Response page = BackOffice.holding(young).request().when().get("/admin/sites");
    assertEquals(200, page.statusCode());
    assertTrue(page.asString().contains("young@session.example"));
  }

  @Test
  void shouldShowSignOutAsAFormThatPostsTheToken() {
    BackOffice person = BackOffice.signIn("young@session.example");
    var form = person.page("/admin/sites", 200).selectFirst(".who form.sign-out");
    assertEquals("post", form.attr("method"));
    assertEquals("/admin/logout", form.attr("action"));
    assertTrue(!form.select("input[name=csrf-token]").attr("value").isEmpty());
  }

  @Test
  void shouldNotBelieveAnUntrustedPeerThatClaimsHttps() {
    // The tests' client is not a trusted proxy: its X-Forwarded-Proto is anyone's header.
    Response form =
        given().redirects().follow(false).header("X-Forwarded-Proto", "https").get("/admin/login");
    assertEquals(200, form.statusCode());
    List<String> formCookies = form.headers().getValues("Set-Cookie");
    assertTrue(
        formCookies.stream().anyMatch(c -> c.startsWith("cp_csrf=")), formCookies.toString());
    assertTrue(formCookies.stream().noneMatch(c -> c.contains("Secure")), formCookies.toString());
    assertNull(form.header("Strict-Transport-Security"));

    Response signIn =
        BackOffice.signInForm()
            .header("X-Forwarded-Proto", "https")
            .formParams(
                Map.of(
                    "j_username",
                    "young@session.example",
                    "j_password",
                    "pw-young@session.example"))
            .post("/j_security_check");
    assertEquals(302, signIn.statusCode());
    List<String> sessionCookies = signIn.headers().getValues("Set-Cookie");
    assertTrue(
        sessionCookies.stream().anyMatch(c -> c.startsWith("cp_admin=")),
        sessionCookies.toString());
    assertTrue(
        sessionCookies.stream().noneMatch(c -> c.contains("Secure")), sessionCookies.toString());
    assertNull(signIn.header("Strict-Transport-Security"));
  }

  @Test
  void shouldRefuseEvenTheRightPasswordWithoutCheckingItOnceAnAccountIsThrottled() {
    for (int i = 0; i < 4; i++) {
      wrongPassword("guessed@session.example")
          .then()
          .statusCode(302)
          .header("Location", endsWith("/admin/login?failed=true"));
    }
    // The fourth failure starts a delay: the right password is not even looked at until it ends.
    Response refused = rightPassword("guessed@session.example");
    assertEquals(302, refused.statusCode());
    assertNull(refused.getCookie("cp_admin"), "no session");
    String page = refused.header("Location");
    assertTrue(page.matches("/admin/login\\?retry-after=\\d+"), page);

    Response form = given().redirects().follow(false).get(page);
    assertEquals(429, form.statusCode());
    long wait = Long.parseLong(form.header("Retry-After"));
    assertTrue(wait > 0 && wait <= 300, "Retry-After: " + wait);
    assertEquals(
        "Too many failed sign-ins. Wait " + wait + " seconds, then try again.",
        Jsoup.parse(form.asString()).selectFirst("#sign-in-error").text());
    assertTrue(!Jsoup.parse(form.asString()).select("form input[name=j_password]").isEmpty());
    // Only that account waits: another person signs in from the same address.
    assertEquals(302, rightPassword("bystander@session.example").statusCode());
    BackOffice.signIn("bystander@session.example").page("/admin/sites", 200);
  }

  @Test
  void shouldRefuseASignInWithoutTheFormsToken() {
    Response noToken =
        given()
            .redirects()
            .follow(false)
            .formParams(
                Map.of(
                    "j_username",
                    "young@session.example",
                    "j_password",
                    "pw-young@session.example"))
            .post("/j_security_check");
    assertEquals(302, noToken.statusCode());
    assertNull(noToken.getCookie("cp_admin"));
    assertTrue(noToken.header("Location").endsWith("/admin/login?expired=true"));

    // A token from one form and the cookie of another, as a page of another site would need.
    Response mine = given().get("/admin/login");
    Response theirs = given().get("/admin/login");
    Response mixed =
        given()
            .redirects()
            .follow(false)
            .cookie("cp_signin", mine.getCookie("cp_signin"))
            .formParam(
                "signin-token",
                Jsoup.parse(theirs.asString()).select("input[name=signin-token]").attr("value"))
            .formParams(
                Map.of(
                    "j_username",
                    "young@session.example",
                    "j_password",
                    "pw-young@session.example"))
            .post("/j_security_check");
    assertNull(mixed.getCookie("cp_admin"));
    assertTrue(mixed.header("Location").endsWith("/admin/login?expired=true"));
    assertEquals(
        "Le formulaire de connexion avait expiré. Veuillez vous reconnecter.",
        Jsoup.parse(given().cookie("admin_lang", "fr").get("/admin/login?expired=true").asString())
            .selectFirst("#sign-in-error")
            .text());
  }

  @Test
  void shouldShowTheSignedInEmailNotTheSessionInTheAuditTrail() {
    BackOffice owner = BackOffice.signIn("bystander@session.example");
    owner.submit(
        "/admin/members",
        "/admin/members",
        Map.of(
            "subject", "local:added@session.example",
            "email", "added@session.example",
            "role", "VIEWER"));
    var row =
        owner.page("/admin/audit", 200).select("tbody th[scope=row]").stream()
            .filter(th -> th.attr("title").equals("local:bystander@session.example"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the addition is in the trail"));
    assertEquals("bystander@session.example", row.text());
  }

  private static Response wrongPassword(String email) {
    return BackOffice.signInForm()
        .formParams(Map.of("j_username", email, "j_password", "not-the-password"))
        .post("/j_security_check");
  }

  private static Response rightPassword(String email) {
    return BackOffice.signInForm()
        .formParams(Map.of("j_username", email, "j_password", "pw-" + email))
        .post("/j_security_check");
  }

  /** A session cookie as the form sign-in encrypts it (AES-GCM under the SHA-256 of the key). */
  private String sessionCookie(String email, Instant signedInAt) throws Exception {
    int version = accounts.sessionVersion(email).orElseThrow();
    long idleExpiry = System.currentTimeMillis() + Duration.ofMinutes(29).toMillis();
    String plain = idleExpiry + ":s1|" + version + "|" + signedInAt.getEpochSecond() + "|" + email;
    byte[] key =
        MessageDigest.getInstance("SHA-256").digest(SESSION_KEY.getBytes(StandardCharsets.UTF_8));
    byte[] iv = new byte[12];
    new SecureRandom().nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    byte[] encrypted = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
    ByteBuffer cookie = ByteBuffer.allocate(1 + iv.length + encrypted.length);
    cookie.put((byte) iv.length).put(iv).put(encrypted);
    return Base64.getEncoder().encodeToString(cookie.array());
  }
}
