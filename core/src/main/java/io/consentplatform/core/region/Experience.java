package io.consentplatform.core.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.consentplatform.core.consent.WireName;
import io.consentplatform.core.error.Rejected;
import java.util.Locale;

/** What the banner does for a visitor, chosen by the site's rule for the visitor's region. */
public enum Experience implements WireName {
  /**
   * Nothing that needs consent runs before the visitor agrees; refusing is as easy as accepting, on
   * the first layer. The law in the EU, the EEA, the UK, Switzerland, Brazil, Quebec.
   */
  OPT_IN,
  /**
   * Categories run by default, except those the tenant marks sensitive and those an opt-out
   * preference signal (Global Privacy Control) refuses; a "Do Not Sell or Share" link opens the
   * choices. The law in the US states that give an opt-out right.
   */
  OPT_OUT,
  /** A notice with a link to the cookie policy and nothing to choose. */
  NOTICE,
  /** Nothing shown. */
  NONE;

  /**
   * {@code opt-in}, {@code opt-out}, {@code notice}, {@code none}: dashes, as people write them.
   */
  @Override
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The experience written {@code wire}.
   *
   * @throws Rejected naming the field {@code experience} when there is no such experience
   */
  @JsonCreator
  public static Experience fromWire(String wire) {
    return WireName.parse(Experience.class, "experience", wire);
  }
}
