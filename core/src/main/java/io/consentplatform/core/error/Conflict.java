package io.consentplatform.core.error;

/** The operation conflicts with the current state (a concurrent edit, nothing to publish). */
public class Conflict extends DomainException {

  public Conflict(String message) {
    super(message);
  }
}
