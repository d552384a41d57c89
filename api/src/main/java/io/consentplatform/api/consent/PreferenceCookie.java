package io.consentplatform.api.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.policy.PolicySnapshot;
import jakarta.ws.rs.core.NewCookie;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cookie that keeps a visitor's decision in the browser, the same one the banner script writes,
 * set by the server: browsers keep a server's cookie for its whole lifetime, where Safari cuts
 * cookies written by scripts to seven days. It is the only cookie a public endpoint ever sets.
 */
final class PreferenceCookie {

  static final String NAME = "cookies_preferences";

  private PreferenceCookie() {}

  /**
   * The cookie recording {@code receipt} and the visitor's token, kept {@code lifetimeDays} ({@link
   * #lifetimeDays}). The token goes to the site's own servers with every request: that is the
   * site's visitor, whose later decisions a tenant's back end may post on their behalf.
   */
  static NewCookie of(
      ConsentReceipt receipt,
      String visitorToken,
      int lifetimeDays,
      boolean https,
      ObjectMapper json) {
    // Short keys: the script reads this on every page view of the site.
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("i", receipt.consentId());
    value.put("v", receipt.visitorId());
    value.put("k", visitorToken);
    value.put("p", receipt.policyVersion().number());
    value.put("t", receipt.recordedAt().toEpochMilli());
    value.put("c", receipt.choices());
    value.put("a", receipt.action());
    value.put("m", receipt.method());
    try {
      return new NewCookie.Builder(NAME)
          .value(URLEncoder.encode(json.writeValueAsString(value), StandardCharsets.UTF_8))
          .path("/")
          .maxAge(Math.toIntExact(lifetimeDays * 86_400L))
          .sameSite(NewCookie.SameSite.LAX)
          .secure(https)
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of plain values always serialises", e);
    }
  }

  /**
   * How long the browser keeps a decision: a refusal of every optional category for the site's
   * refusal interval (not asked again before it ends), any other decision for its consent lifetime.
   */
  static int lifetimeDays(PolicySnapshot snapshot, Map<String, Boolean> choices) {
    return snapshot.refusesEveryOptional(choices)
        ? snapshot.site().refusalLifetimeDays()
        : snapshot.site().consentLifetimeDays();
  }

  /**
   * The {@code Set-Cookie} value (RFC 6265). Written here rather than by the REST layer, whose
   * rendering adds the obsolete {@code Version=1} attribute and drops the usual spaces.
   */
  static String header(NewCookie cookie) {
    return cookie.getName()
        + "="
        + cookie.getValue()
        + "; Path="
        + cookie.getPath()
        + "; Max-Age="
        + cookie.getMaxAge()
        + "; SameSite="
        + sameSite(cookie.getSameSite())
        + (cookie.isSecure() ? "; Secure" : "");
  }

  private static String sameSite(NewCookie.SameSite sameSite) {
    return switch (sameSite) {
      case LAX -> "Lax";
      case STRICT -> "Strict";
      case NONE -> "None";
    };
  }
}
