package io.consentplatform.core.policy;

import java.time.Instant;

/**
 * A published version as the management API lists it; {@code snapshot} only when asked for.
 *
 * @param reconsent whether publishing it asked visitors again
 * @param consentRevision the latest version, up to this one, that asked visitors again
 */
public record VersionView(
    int number,
    String hash,
    Instant publishedAt,
    String publishedBy,
    boolean reconsent,
    int consentRevision,
    PolicySnapshot snapshot) {

  static VersionView of(PolicyVersion version, boolean withSnapshot) {
    return new VersionView(
        version.number,
        version.contentHash,
        version.publishedAt,
        version.publishedBy,
        version.consentRevision == version.number,
        version.consentRevision,
        withSnapshot ? PublishedPolicy.of(version).snapshot() : null);
  }
}
