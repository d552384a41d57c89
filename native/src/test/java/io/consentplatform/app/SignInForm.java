package io.consentplatform.app;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in over HTTP as a browser does: opens the form, then posts it with its token and cookie.
 */
final class SignInForm {

  private static final Pattern TOKEN =
      Pattern.compile("name=\"signin-token\" value=\"([A-Za-z0-9_-]+)\"");

  private SignInForm() {}

  /** The session cookie of {@code email} signing in with {@code password}; null when refused. */
  static String session(String email, String password) {
    Response form = given().get("/admin/login");
    return given()
        .redirects()
        .follow(false)
        .cookie("cp_signin", form.getCookie("cp_signin"))
        .formParam("signin-token", token(form.asString()))
        .formParam("j_username", email)
        .formParam("j_password", password)
        .post("/j_security_check")
        .getCookie("cp_admin");
  }

  /** The form's token (a hidden field) in the sign-in page's HTML. */
  static String token(String page) {
    Matcher field = TOKEN.matcher(page);
    if (!field.find()) {
      throw new AssertionError("The sign-in page has no token: " + page);
    }
    return field.group(1);
  }
}
