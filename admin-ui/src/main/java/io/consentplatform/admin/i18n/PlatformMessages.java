package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the operator console and of what the frame says about a tenant's standing with the
 * platform (a suspension), used as {@code {platformMsg:key}}; the wording lives in {@code
 * messages/platformMsg_<language>.properties}.
 */
@MessageBundle(value = "platformMsg", locale = "en")
public interface PlatformMessages {
  String navPlatform();

  String suspendedNotice();
}
