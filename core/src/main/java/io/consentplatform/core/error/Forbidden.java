package io.consentplatform.core.error;

/** The caller is known but their role does not allow the operation. */
public class Forbidden extends DomainException {

  public Forbidden(String message) {
    super(message);
  }
}
