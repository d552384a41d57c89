package io.consentplatform.core.consent;

/** Where the decision was given. */
public enum ConsentMethod implements WireName {
  /** The banner's first layer (accept all, reject all). */
  BANNER,
  /** The settings layer, with one switch per category. */
  SETTINGS,
  /** A tenant's own integration, through the API. */
  API,
  /**
   * Nobody clicked: where visitors opt out, the banner applied the browser's opt-out preference
   * signal (Global Privacy Control) by itself and recorded it.
   */
  SIGNAL;

  /**
   * The constant written {@code wire} on the wire.
   *
   * @throws io.consentplatform.core.error.Rejected naming the field {@code method} when there is
   *     none
   */
  public static ConsentMethod fromWire(String wire) {
    return WireName.parse(ConsentMethod.class, "method", wire);
  }
}
