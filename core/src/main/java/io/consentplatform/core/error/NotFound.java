package io.consentplatform.core.error;

/** A looked-up thing does not exist, or belongs to someone the caller may not see. */
public class NotFound extends DomainException {

  public NotFound(String what) {
    super(what + " was not found");
  }
}
