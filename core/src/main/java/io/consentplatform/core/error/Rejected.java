package io.consentplatform.core.error;

/**
 * The request was understood but breaks a rule of the domain; {@code field} names what was wrong.
 */
public class Rejected extends DomainException {

  private final String field;

  public Rejected(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
