package io.consentplatform.core.error;

/**
 * A rule of the domain refused an operation. The HTTP layers map each subclass to one status, so
 * the domain never speaks HTTP but a client always learns what it did wrong.
 */
public abstract class DomainException extends RuntimeException {

  protected DomainException(String message) {
    super(message);
  }
}
