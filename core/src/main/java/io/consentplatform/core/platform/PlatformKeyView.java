package io.consentplatform.core.platform;

import java.time.Instant;

/** An operator key as the console and the API list it: never its secret. */
public record PlatformKeyView(
    long id,
    String name,
    String prefix,
    Instant createdAt,
    String createdBy,
    Instant lastUsedAt,
    Instant revokedAt) {

  static PlatformKeyView of(PlatformApiKey key) {
    return new PlatformKeyView(
        key.id, key.name, key.prefix, key.createdAt, key.createdBy, key.lastUsedAt, key.revokedAt);
  }
}
