package io.consentplatform.api.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.consentplatform.core.consent.ConsentRecord;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The proof of one decision: which version of which site's policy, what was chosen, how and when.
 * Addresses and browsers are not part of it.
 *
 * @param signature compact JWS (EdDSA) whose payload is this receipt's JSON without the signature;
 *     the keys are at {@code /.well-known/jwks.json}
 */
public record ConsentReceipt(
    UUID consentId,
    String site,
    UUID visitorId,
    Version policyVersion,
    String action,
    String method,
    Map<String, Boolean> choices,
    String language,
    boolean gpc,
    Instant recordedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String signature) {

  /** The version consented to, and the hash of its published content. */
  public record Version(int number, String hash) {}

  static ConsentReceipt of(ConsentRecord record, String siteKey) {
    return new ConsentReceipt(
        record.id,
        siteKey,
        record.visitorId,
        new Version(record.policyVersion.number, record.policyVersion.contentHash),
        record.action.wireName(),
        record.method.wireName(),
        record.choices,
        record.language,
        record.gpc,
        record.recordedAt,
        null);
  }

  ConsentReceipt signedWith(String jws) {
    return new ConsentReceipt(
        consentId,
        site,
        visitorId,
        policyVersion,
        action,
        method,
        choices,
        language,
        gpc,
        recordedAt,
        jws);
  }
}
