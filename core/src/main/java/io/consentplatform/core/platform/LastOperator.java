package io.consentplatform.core.platform;

import io.consentplatform.core.error.Conflict;

/** Removing the last listed operator would leave nobody to run the platform without an IdP. */
public class LastOperator extends Conflict {

  public LastOperator() {
    super("The last operator on the platform's list cannot be removed: add another one first");
  }
}
