package io.consentplatform.core.consent;

/** What a recorded decision means today for one category. */
public enum ConsentStatus implements WireName {
  /** The visitor accepted the category, and this decision is still the one that counts. */
  GRANTED,
  /** The visitor refused the category. */
  DENIED,
  /** The decision is older than the site's consent lifetime: the visitor must be asked again. */
  EXPIRED,
  /** A newer policy version asked visitors again, or the visitor decided again since. */
  SUPERSEDED;

  /**
   * The constant written {@code wire} on the wire.
   *
   * @throws io.consentplatform.core.error.Rejected naming the field {@code status} when there is
   *     none
   */
  public static ConsentStatus fromWire(String wire) {
    return WireName.parse(ConsentStatus.class, "status", wire);
  }
}
