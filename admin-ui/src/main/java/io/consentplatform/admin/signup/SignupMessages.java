package io.consentplatform.admin.signup;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of self-service sign-up and of a new tenant's first steps, used as {@code
 * {signupMsg:key}}; the wording lives in {@code messages/signupMsg_<language>.properties}.
 */
@MessageBundle(value = "signupMsg", locale = "en")
public interface SignupMessages {
  String title();

  String intro();

  String email();

  String organisation();

  String organisationHint();

  String submit();

  String notAdded();

  String emailInvalid();

  String organisationInvalid();

  String sentTitle();

  String sentText();

  String throttledTitle();

  String throttledText(long minutes);

  String confirmTitle();

  String confirmIntroNew(String organisation, String email);

  String confirmIntroExisting(String organisation, String email);

  String linkExpires(String when);

  String currentPassword();

  String confirmSubmit();

  String wrongPassword();

  String unavailable();

  String signInLink();

  String firstStepsTitle();

  String firstStepsIntro();

  String firstStepSite();

  String firstStepDomain();

  String firstStepSnippet();

  String invitationOr();

  String invitationSsoInstead();

  String invitationAlreadyMember();
}
