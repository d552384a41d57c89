package io.consentplatform.core.tenant;

import java.time.Instant;

/** An API key as its owners see it: never its secret. */
public record ApiKeyView(
    long id,
    String name,
    String prefix,
    Role role,
    Instant createdAt,
    String createdBy,
    Instant lastUsedAt,
    Instant revokedAt) {

  static ApiKeyView of(ApiKey key) {
    return new ApiKeyView(
        key.id,
        key.name,
        key.prefix,
        key.role,
        key.createdAt,
        key.createdBy,
        key.lastUsedAt,
        key.revokedAt);
  }
}
