package io.consentplatform.core.consent;

import io.consentplatform.core.error.Rejected;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value as every door writes and reads it: lower case with underscores ({@code accept_all}). The
 * API, the exports and the back office take it from here so that they cannot spell it differently.
 */
public interface WireName {

  /** The enum constant's name; implemented by every enum. */
  String name();

  /** The name on the wire; {@link Locale#ROOT} so that a Turkish server still writes "withdraw". */
  default String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant of {@code type} whose wire name is {@code wire}.
   *
   * @throws Rejected naming {@code field} when {@code wire} is missing or no such name
   */
  static <E extends Enum<E> & WireName> E parse(Class<E> type, String field, String wire) {
    if (wire == null) {
      throw new Rejected(field, field + " is required");
    }
    return find(type, wire)
        .orElseThrow(() -> new Rejected(field, field + " must be one of " + wireNames(type)));
  }

  /** The constant of {@code type} whose wire name is {@code wire}, if any. */
  static <E extends Enum<E> & WireName> Optional<E> find(Class<E> type, String wire) {
    return Arrays.stream(type.getEnumConstants())
        .filter(candidate -> candidate.wireName().equals(wire))
        .findFirst();
  }

  /** The wire names of {@code type}, comma separated, in declaration order. */
  static <E extends Enum<E> & WireName> String wireNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(WireName::wireName)
        .collect(Collectors.joining(", "));
  }
}
