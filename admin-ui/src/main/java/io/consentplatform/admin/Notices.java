package io.consentplatform.admin;

import java.util.Map;

/**
 * Messages shown after an action. The redirect names one by key ({@code ?done=published}), so
 * nothing a URL carries is ever shown as text.
 */
public final class Notices {

  private static final Map<String, String> TEXTS =
      Map.ofEntries(
          Map.entry("cookie-added", "The cookie was added to the draft."),
          Map.entry("cookie-deleted", "The cookie was removed from the draft."),
          Map.entry("published", "The new version is published: visitors will be asked again."),
          Map.entry("tenant", "You are now working in this tenant."),
          Map.entry("member-added", "The member was added."),
          Map.entry("member-changed", "The member's role was changed."),
          Map.entry("member-removed", "The member was removed."),
          Map.entry("cookie-saved", "The cookie was saved in the draft."),
          Map.entry("site-created", "The site was added. Declare its categories and cookies next."),
          Map.entry("site-saved", "The settings were saved."),
          Map.entry("texts-saved", "The texts were saved in the draft."),
          Map.entry("category-added", "The category was added to the draft."),
          Map.entry("category-saved", "The category was saved in the draft."),
          Map.entry("category-deleted", "The category was removed from the draft."),
          Map.entry("provider-added", "The provider was added."),
          Map.entry("provider-saved", "The provider was saved."),
          Map.entry("provider-deleted", "The provider was removed."),
          Map.entry("imported", "The file was imported into the draft."));

  private Notices() {}

  public static String text(String key) {
    return key == null ? null : TEXTS.get(key);
  }
}
