package io.consentplatform.core.consent;

import io.consentplatform.core.region.Experience;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A recorded decision as its receipt and the back office show it. */
public record RecordedDecision(
    UUID id,
    UUID visitorId,
    int policyVersion,
    String policyVersionHash,
    ConsentAction action,
    ConsentMethod method,
    Map<String, Boolean> choices,
    String language,
    boolean gpc,
    Instant recordedAt,
    String userAgentFamily,
    String ipTruncated,
    String region,
    Experience experience) {

  public static RecordedDecision of(ConsentRecord record) {
    return new RecordedDecision(
        record.id,
        record.visitorId,
        record.policyVersion.number,
        record.policyVersion.contentHash,
        record.action,
        record.method,
        Map.copyOf(record.choices),
        record.language,
        record.gpc,
        record.recordedAt,
        record.userAgentFamily,
        record.ipTruncated,
        record.region,
        record.experience);
  }
}
