package io.consentplatform.core.access;

import io.consentplatform.core.error.Conflict;

/** Optimistic locking for edits: a client that read version N may only change version N. */
public final class Versions {

  private Versions() {}

  /**
   * Refuses the edit when the client says which version it edits and that is not the current one:
   * someone else changed it since.
   */
  public static void check(Long expected, long actual, String what) {
    if (expected != null && expected != actual) {
      throw new Conflict(
          what
              + " was changed by someone else (now version "
              + actual
              + ", you edited "
              + expected
              + ")");
    }
  }
}
