package io.consentplatform.api.consent;

import io.consentplatform.core.error.Rejected;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum values as the API writes them: lower case with underscores ({@code accept_all}). */
final class Wire {

  private Wire() {}

  static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null) {
      throw new Rejected(field, field + " is required");
    }
    for (E candidate : type.getEnumConstants()) {
      if (name(candidate).equals(value)) {
        return candidate;
      }
    }
    throw new Rejected(
        field,
        field
            + " must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Wire::name)
                .collect(Collectors.joining(", ")));
  }
}
