package io.consentplatform.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.consentplatform.core.db.DomainJson;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A published policy version, read back with its snapshot parsed.
 *
 * @param consentRevision the latest version that asked visitors again: decisions made on it or
 *     later still stand
 */
public record PublishedPolicy(
    long versionId,
    long siteId,
    int number,
    int consentRevision,
    String contentHash,
    Instant publishedAt,
    PolicySnapshot snapshot) {

  static PublishedPolicy of(PolicyVersion version) {
    try {
      return new PublishedPolicy(
          version.id,
          version.site.id,
          version.number,
          version.consentRevision,
          version.contentHash,
          version.publishedAt,
          DomainJson.mapper().readValue(version.snapshot, PolicySnapshot.class));
    } catch (JsonProcessingException e) {
      // The column only ever receives JSON this class wrote; failing to read it is a bug.
      throw new UncheckedIOException("Unreadable snapshot of policy version " + version.id, e);
    }
  }
}
