package io.consentplatform.admin;

import java.util.Map;

/**
 * Messages shown after an action. The redirect names one by key ({@code ?done=published}), so
 * nothing a URL carries is ever shown as text.
 */
public final class Notices {

  private static final Map<String, String> TEXTS =
      Map.of(
          "cookie-added", "The cookie was added to the draft.",
          "cookie-deleted", "The cookie was removed from the draft.",
          "published", "The new version is published: visitors will be asked again.",
          "tenant", "You are now working in this tenant.",
          "member-added", "The member was added.",
          "member-changed", "The member's role was changed.",
          "member-removed", "The member was removed.");

  private Notices() {}

  public static String text(String key) {
    return key == null ? null : TEXTS.get(key);
  }
}
