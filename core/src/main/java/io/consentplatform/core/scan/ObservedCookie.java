package io.consentplatform.core.scan;

import java.time.Instant;
import java.util.List;

/**
 * A cookie as the browser held it.
 *
 * @param domain the cookie's domain as the browser stores it ({@code .example.org} for a domain
 *     cookie, {@code example.org} for a host-only one)
 * @param expires when it expires; {@code null} for a session cookie
 * @param sameSite {@code Strict}, {@code Lax} or {@code None}; {@code null} when not set
 * @param setBy how it was set: by an HTTP response ({@code Set-Cookie}) or by a script
 * @param setterUrl the URL of the response that set it, or of the script that did when it can be
 *     known; {@code null} otherwise
 * @param pages the pages (top-level URLs) during whose visit it was first seen or set
 */
public record ObservedCookie(
    String name,
    String domain,
    String path,
    Instant expires,
    boolean httpOnly,
    boolean secure,
    String sameSite,
    SetBy setBy,
    String setterUrl,
    List<String> pages) {

  /** How a cookie came to be. */
  public enum SetBy {
    HTTP,
    JAVASCRIPT,
    UNKNOWN
  }
}
