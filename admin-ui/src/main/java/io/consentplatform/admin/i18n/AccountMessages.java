package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of signing in, invitations, passwords and the pages around members (confirmations,
 * refusals), used as {@code {account:key}} in templates and through {@link
 * AdminLanguage#accountMessages()} in Java. A bundle of its own for the same reason as {@link
 * AdminSiteMessages}: one bundle may not grow past 300 messages. The wording lives in {@code
 * messages/account_<language>.properties}.
 */
@MessageBundle(value = "account", locale = "en")
public interface AccountMessages {
  String forgotPassword();

  String noticePasswordSet();

  String linkTitleINVITATION();

  String linkTitlePASSWORD_RESET();

  String linkIntroInvitation(String tenant, String email);

  String linkIntroReset(String email);

  String linkExpires(String when);

  String newPassword();

  String confirmPassword();

  String passwordHint(int min);

  String passwordTOO_SHORT(int min);

  String passwordTOO_LONG();

  String passwordSAME_AS_EMAIL();

  String passwordsDiffer();

  String setPassword();

  String linkUnusableTitle();

  String linkUnusableText();

  String backToSignIn();

  String resetTitle();

  String resetIntro();

  String resetSend();

  String resetSent();

  String resetUnavailable();

  String invitationTitle(String email);

  String invitationShownOnce(String email, String when);

  String invitationMailed(String email);

  String invitationNotMailed();

  String invitationMailFailed();

  String invitationPending(String when);

  String newInvitation();

  String newInvitationFor(String email);

  String backToMembers();

  String removeTitle(String email);

  String removeText(String tenant);

  String cancel();

  String lastOwnerTitle();

  String lastOwnerText();

  String errorForbiddenDetail();

  String backToPrevious();

  String noInvitationNeeded();

  String signInThrottled(long seconds);

  String signInExpired();

  String changePassword();

  String changePasswordIntro();

  String changePasswordSso();

  String currentPassword();

  String currentPasswordWrong();

  String noticePasswordChanged();

  String memberReset();

  String memberResetFor(String email);

  String memberResetTitle(String email);

  String memberResetShownOnce(String email, String when);

  String memberResetRefusedTitle();

  String memberResetRefusedText();
}
