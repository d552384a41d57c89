package io.consentplatform.admin;

import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.AdminMessages;
import java.util.Map;
import java.util.function.Function;

/**
 * Messages shown after an action, in the person's language. The redirect names one by key ({@code
 * ?done=published}), so nothing a URL carries is ever shown as text.
 */
public final class Notices {

  private static final Map<String, Function<AdminMessages, String>> TEXTS =
      Map.ofEntries(
          Map.entry("cookie-added", AdminMessages::noticeCookieAdded),
          Map.entry("cookie-deleted", AdminMessages::noticeCookieDeleted),
          Map.entry("published", AdminMessages::noticePublished),
          Map.entry("published-quietly", AdminMessages::noticePublishedQuietly),
          Map.entry("tenant", AdminMessages::noticeTenant),
          Map.entry("member-added", AdminMessages::noticeMemberAdded),
          Map.entry("member-changed", AdminMessages::noticeMemberChanged),
          Map.entry("member-removed", AdminMessages::noticeMemberRemoved),
          Map.entry("cookie-saved", AdminMessages::noticeCookieSaved),
          Map.entry("site-created", AdminMessages::noticeSiteCreated),
          Map.entry("site-saved", AdminMessages::noticeSiteSaved),
          Map.entry("texts-saved", AdminMessages::noticeTextsSaved),
          Map.entry("category-added", AdminMessages::noticeCategoryAdded),
          Map.entry("category-saved", AdminMessages::noticeCategorySaved),
          Map.entry("category-deleted", AdminMessages::noticeCategoryDeleted),
          Map.entry("provider-added", AdminMessages::noticeProviderAdded),
          Map.entry("provider-saved", AdminMessages::noticeProviderSaved),
          Map.entry("provider-deleted", AdminMessages::noticeProviderDeleted),
          Map.entry("imported", AdminMessages::noticeImported),
          Map.entry("scan-started", AdminMessages::noticeScanStarted),
          Map.entry("scan-adopted", AdminMessages::noticeScanAdopted),
          Map.entry("scan-schedule-saved", AdminMessages::noticeScanScheduleSaved));

  private Notices() {}

  public static String text(String key) {
    Function<AdminMessages, String> text = key == null ? null : TEXTS.get(key);
    return text == null ? null : text.apply(AdminLanguage.current().messages());
  }
}
