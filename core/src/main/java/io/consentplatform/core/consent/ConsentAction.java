package io.consentplatform.core.consent;

/** What the visitor did. */
public enum ConsentAction implements WireName {
  /** Accepted every category. */
  ACCEPT_ALL,
  /** Refused every category that can be refused. */
  REJECT_ALL,
  /** Chose category by category. */
  CUSTOM,
  /** Took back an earlier consent: every category that can be refused is refused. */
  WITHDRAW;

  /**
   * The constant written {@code wire} on the wire.
   *
   * @throws io.consentplatform.core.error.Rejected naming the field {@code action} when there is
   *     none
   */
  public static ConsentAction fromWire(String wire) {
    return WireName.parse(ConsentAction.class, "action", wire);
  }
}
