package io.consentplatform.core.policy;

import java.time.Instant;

/** A published version as the management API lists it; {@code snapshot} only when asked for. */
public record VersionView(
    int number, String hash, Instant publishedAt, String publishedBy, PolicySnapshot snapshot) {

  static VersionView of(PolicyVersion version, boolean withSnapshot) {
    return new VersionView(
        version.number,
        version.contentHash,
        version.publishedAt,
        version.publishedBy,
        withSnapshot ? PublishedPolicy.of(version).snapshot() : null);
  }
}
