package io.consentplatform.admin;

/** A back-office page was asked for by someone not signed in: they are sent to sign in. */
public class SignInRequired extends RuntimeException {

  public SignInRequired() {
    super("Sign in to use the back office");
  }
}
