package io.consentplatform.core.tenant;

import io.consentplatform.core.error.DomainException;

/**
 * A one-time link that does not exist, was used, or has expired. The three are one refusal: the
 * holder of a guessed or old link learns nothing about the account.
 */
public class UnusableLink extends DomainException {

  public UnusableLink() {
    super("This link was used already, has expired or does not exist");
  }
}
