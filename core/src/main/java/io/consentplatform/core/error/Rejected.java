package io.consentplatform.core.error;

import java.util.List;

/** The request was understood but breaks a rule of the domain; the fields say what was wrong. */
public class Rejected extends DomainException {

  /** One thing at fault: a field, or a line of a file. */
  public record Fault(String field, String message) {}

  private final List<Fault> faults;

  public Rejected(String field, String message) {
    this(message, List.of(new Fault(field, message)));
  }

  public Rejected(String message, List<Fault> faults) {
    super(message);
    this.faults = List.copyOf(faults);
  }

  /** The first field at fault. */
  public String field() {
    return faults.isEmpty() ? null : faults.get(0).field();
  }

  public List<Fault> faults() {
    return faults;
  }
}
