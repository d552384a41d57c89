package io.consentplatform.admin;

import static io.restassured.RestAssured.given;

import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.LocalAccounts;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A person using the back office over HTTP: signs in, reads pages, posts forms with their token.
 */
final class BackOffice {

  private final String session;
  private final String tenant;
  private final String language;

  private BackOffice(String session, String tenant, String language) {
    this.session = session;
    this.tenant = tenant;
    this.language = language;
  }

  /** The same person, working in another of their tenants (the switcher's cookie). */
  BackOffice inTenant(String slug) {
    return new BackOffice(session, slug, language);
  }

  /** The same person, having chosen the back office's language (the language switcher's cookie). */
  BackOffice speaking(String code) {
    return new BackOffice(session, tenant, code);
  }

  /** Creates a local account that is a member of the site's tenant with {@code role}. */
  static void person(LocalAccounts accounts, String email, long siteId, Role role) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              accounts.create(email, "pw-" + email);
              if (siteId > 0) {
                TenantMember member = new TenantMember();
                member.tenant = Site.<Site>findById(siteId).tenant;
                member.subject = LocalAccount.subjectOf(email);
                member.email = email;
                member.role = role;
                member.persist();
              }
            });
  }

  /**
   * The sign-in form's post as the browser sends it after opening the form: with the form's token
   * and the cookie that goes with it.
   */
  static RequestSpecification signInForm() {
    Response form = given().when().get("/admin/login");
    String token = Jsoup.parse(form.asString()).select("input[name=signin-token]").attr("value");
    return given()
        .redirects()
        .follow(false)
        .cookie("cp_signin", form.getCookie("cp_signin"))
        .formParam("signin-token", token);
  }

  static BackOffice signIn(String email) {
    return signIn(email, "pw-" + email);
  }

  static BackOffice signIn(String email, String password) {
    Response answer =
        signInForm()
            .formParams(Map.of("j_username", email, "j_password", password))
            .when()
            .post("/j_security_check");
    String session = answer.getCookie("cp_admin");
    if (session == null) {
      throw new AssertionError(
          "Sign-in of "
              + email
              + " failed: "
              + answer.statusCode()
              + " "
              + answer.header("Location"));
    }
    return new BackOffice(session, null, null);
  }

  /** The session cookie, as a thief who copied it would hold it. */
  String sessionCookie() {
    return session;
  }

  /** A person holding {@code session}, however they came by it. */
  static BackOffice holding(String session) {
    return new BackOffice(session, null, null);
  }

  /** Signs out the way the page's button does: a POST with the page's CSRF token. */
  Response signOut() {
    return submit("/admin/sites", "/admin/logout", Map.of());
  }

  RequestSpecification request() {
    RequestSpecification request = given().redirects().follow(false).cookie("cp_admin", session);
    if (language != null) {
      request.cookie("admin_lang", language);
    }
    return tenant == null ? request : request.cookie(AdminCaller.TENANT_COOKIE, tenant);
  }

  Document page(String path, int status) {
    return Jsoup.parse(request().when().get(path).then().statusCode(status).extract().asString());
  }

  /** Uploads a file the way the browser does, with the page's CSRF token; {@code null} omits it. */
  Response upload(String pagePath, String action, String fileName, byte[] content, boolean token) {
    Response page = request().when().get(pagePath);
    String csrfCookie = page.getCookie("cp_csrf");
    RequestSpecification upload =
        request().cookie("cp_csrf", csrfCookie).multiPart("file", fileName, content, "text/csv");
    if (token) {
      upload.multiPart(
          "csrf-token",
          Jsoup.parse(page.asString()).select("input[name=csrf-token]").attr("value"));
    }
    return upload.when().post(action);
  }

  /** Posts a form the way the browser does: the CSRF token from the page, with its cookie. */
  Response submit(String pagePath, String action, Map<String, String> fields) {
    Response page = request().when().get(pagePath);
    String csrfCookie = page.getCookie("cp_csrf");
    String token = Jsoup.parse(page.asString()).select("input[name=csrf-token]").attr("value");
    if (token.isEmpty()) {
      // A page without forms (a viewer's): the person forges the post with their own valid token.
      token = csrfCookie;
    }
    return request()
        .cookie("cp_csrf", csrfCookie)
        .formParams(fields)
        .formParam("csrf-token", token)
        .when()
        .post(action);
  }
}
