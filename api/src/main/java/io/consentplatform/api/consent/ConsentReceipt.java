package io.consentplatform.api.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.RecordedDecision;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The proof of one decision: which version of which site's policy, what was chosen, how and when.
 * Addresses and browsers are not part of it.
 *
 * @param region where the visitor was when deciding: a country or subdivision ({@code US-CA});
 *     absent when unknown
 * @param experience the experience the policy's rules gave that region ({@code opt-out}); absent on
 *     decisions made before regions existed, whose receipts stay as they were signed
 * @param recordDigest once the decision is sealed into the site's log, its record digest (hex): the
 *     input of its leaf, so that the signature binds the decision to its place in the log
 * @param verify where a person checks this receipt in their own browser ({@code /verify#site/id})
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
    @JsonInclude(JsonInclude.Include.NON_NULL) String region,
    @JsonInclude(JsonInclude.Include.NON_NULL) String experience,
    @JsonInclude(JsonInclude.Include.NON_NULL) String recordDigest,
    @JsonInclude(JsonInclude.Include.NON_NULL) String verify,
    @JsonInclude(JsonInclude.Include.NON_NULL) String signature) {

  /** The version consented to, and the hash of its published content. */
  public record Version(int number, String hash) {}

  static ConsentReceipt of(ConsentRecord record, String siteKey) {
    return of(RecordedDecision.of(record), siteKey);
  }

  static ConsentReceipt of(RecordedDecision decision, String siteKey) {
    return new ConsentReceipt(
        decision.id(),
        siteKey,
        decision.visitorId(),
        new Version(decision.policyVersion(), decision.policyVersionHash()),
        decision.action().wireName(),
        decision.method().wireName(),
        decision.choices(),
        decision.language(),
        decision.gpc(),
        decision.recordedAt(),
        decision.region(),
        decision.experience() == null ? null : decision.experience().wireName(),
        null,
        null,
        null);
  }

  /** This receipt naming its leaf (when sealed) and the page that verifies it. */
  ConsentReceipt withProof(String digest, String verifyAddress) {
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
        region,
        experience,
        digest,
        verifyAddress,
        signature);
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
        region,
        experience,
        recordDigest,
        verify,
        jws);
  }
}
