package io.consentplatform.core.consent;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The one reading of the ids this platform hands out (consents and visitors), for every door: the
 * public API, the tenant API and the back office.
 */
public final class ConsentIds {

  private ConsentIds() {}

  /**
   * The id written {@code text}, upper or lower case; empty for anything else. {@link
   * UUID#fromString} accepts odd forms such as "1-1-1-1-1": only the canonical one is an id.
   */
  public static Optional<UUID> parse(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      UUID uuid = UUID.fromString(text);
      return uuid.toString().equals(text.toLowerCase(Locale.ROOT))
          ? Optional.of(uuid)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
