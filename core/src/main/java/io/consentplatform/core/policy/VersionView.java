package io.consentplatform.core.policy;

import java.time.Instant;

/**
 * A published version as the management API lists it; {@code snapshot} only when asked for.
 *
 * @param publishedBy who published, issuer-qualified ({@link
 *     io.consentplatform.core.access.Actor#id()})
 * @param publishedByEmail the e-mail shown for them, null when unknown
 * @param reconsent whether publishing it asked visitors again
 * @param consentRevision the latest version, up to this one, that asked visitors again
 */
public record VersionView(
    int number,
    String hash,
    Instant publishedAt,
    String publishedBy,
    String publishedByEmail,
    boolean reconsent,
    int consentRevision,
    PolicySnapshot snapshot) {

  /** What a person reads for the publisher: the e-mail, or who they are when there is none. */
  public String shownPublisher() {
    return publishedByEmail != null ? publishedByEmail : publishedBy;
  }

  static VersionView of(PolicyVersion version, boolean withSnapshot) {
    return new VersionView(
        version.number,
        version.contentHash,
        version.publishedAt,
        version.publishedBy,
        version.publishedByEmail,
        version.consentRevision == version.number,
        version.consentRevision,
        withSnapshot ? PublishedPolicy.of(version).snapshot() : null);
  }
}
