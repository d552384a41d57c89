package io.consentplatform.api.proof;

import io.consentplatform.core.error.Conflict;

/**
 * A proof asked for a decision that the sealer has not put into the log yet: it does so within a
 * second, so the answer (409) says when to ask again.
 */
public class NotSealedYet extends Conflict {

  /** The seconds a client waits before asking again: the sealer runs every second. */
  public static final int RETRY_AFTER_SECONDS = 1;

  public NotSealedYet(String message) {
    super(message);
  }
}
