package io.consentplatform.api.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.abuse.PublicLimits;
import io.consentplatform.api.proof.HeadView;
import io.consentplatform.api.proof.NotSealedYet;
import io.consentplatform.api.proof.VerifyLinks;
import io.consentplatform.core.consent.ConsentIds;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.ConsentStatus;
import io.consentplatform.core.consent.RecordedDecision;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.ledger.LedgerProofs;
import io.consentplatform.core.ledger.LedgerProofs.InclusionProof;
import io.consentplatform.core.ledger.ReceiptSigner;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Where the proof of a decision is read back: by the visitor (the signed receipt, from the site's
 * pages, and its inclusion proof in the site's log) and by the tenant's back end (what the decision
 * means now for one category). All count against the client's limit of reads: each costs a query,
 * and a receipt's first read a signature.
 */
@Path("/v1/sites/{siteKey}/consents/{consentId}")
public class ReceiptResource {

  /** The answer a tenant's back end reads before setting a cookie of {@code category}. */
  public record StatusView(UUID consentId, String category, String status) {}

  /**
   * A receipt with the proof that its decision is in the site's log: the leaf (index and record
   * digest), the audit path (hex, RFC 9162 section 2.1.3) and the signed head it leads to.
   */
  public record ProofView(
      ConsentReceipt receipt,
      long leafIndex,
      long treeSize,
      String recordDigest,
      List<String> auditPath,
      HeadView head) {}

  private final ConsentService consents;
  private final ObjectMapper json;
  private final ReceiptSigner signer;
  private final ReceiptSignatures signatures;
  private final PublicLimits limits;
  private final LedgerProofs proofs;
  private final VerifyLinks links;

  public ReceiptResource(
      ConsentService consents,
      ObjectMapper json,
      ReceiptSigner signer,
      ReceiptSignatures signatures,
      PublicLimits limits,
      LedgerProofs proofs,
      VerifyLinks links) {
    this.consents = consents;
    this.json = json;
    this.signer = signer;
    this.signatures = signatures;
    this.limits = limits;
    this.proofs = proofs;
    this.links = links;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @DeclaredOriginsOnly
  public ConsentReceipt receipt(
      @RestPath String siteKey, @RestPath String consentId, HttpServerRequest request) {
    limits.read(request);
    RecordedDecision record =
        consents.find(siteKey, idOf(consentId)).orElseThrow(() -> notFound(consentId));
    String digest = proofs.recordDigest(siteKey, record.id()).orElse(null);
    return signed(
        ConsentReceipt.of(record, siteKey).withProof(digest, links.of(siteKey, record.id())));
  }

  @GET
  @Path("/proof")
  @Produces(MediaType.APPLICATION_JSON)
  @DeclaredOriginsOnly
  @Operation(
      summary = "The signed receipt with its inclusion proof",
      description =
          "The receipt (signed, naming its record digest), its leaf index, the audit path to the"
              + " latest signed tree head (RFC 9162 section 2.1.3.2) and that head. 409 with"
              + " Retry-After while the decision waits to be sealed (within a second); 404 for an"
              + " erased record or one removed by retention.")
  public ProofView proof(
      @RestPath String siteKey, @RestPath String consentId, HttpServerRequest request) {
    limits.read(request);
    UUID id = idOf(consentId);
    InclusionProof inclusion;
    try {
      inclusion = proofs.inclusion(siteKey, id);
    } catch (Conflict notSealed) {
      throw new NotSealedYet(notSealed.getMessage());
    }
    RecordedDecision record = consents.find(siteKey, id).orElseThrow(() -> notFound(consentId));
    ConsentReceipt receipt =
        signed(
            ConsentReceipt.of(record, siteKey)
                .withProof(inclusion.recordDigest(), links.of(siteKey, id)));
    return new ProofView(
        receipt,
        inclusion.leafIndex(),
        inclusion.treeSize(),
        inclusion.recordDigest(),
        inclusion.auditPath(),
        HeadView.of(inclusion.head()));
  }

  /** CORS preflight of the receipt; {@link DeclaredOrigins} answers it. */
  @OPTIONS
  @DeclaredOriginsOnly
  public void preflight() {}

  /** Called by servers, not browsers: no CORS. */
  @GET
  @Path("/status")
  @Produces(MediaType.APPLICATION_JSON)
  public StatusView status(
      @RestPath String siteKey,
      @RestPath String consentId,
      @RestQuery String category,
      HttpServerRequest request) {
    limits.read(request);
    if (category == null || category.isBlank()) {
      throw new BadRequestException("The query parameter category is required");
    }
    UUID id = idOf(consentId);
    ConsentStatus status = consents.status(siteKey, id, category, Instant.now());
    return new StatusView(id, category, status.wireName());
  }

  /**
   * The receipt with its signature over exactly the JSON it carries without one; signed once, then
   * served from {@link ReceiptSignatures} for as long as its content stays the same.
   */
  private ConsentReceipt signed(ConsentReceipt receipt) {
    byte[] payload;
    try {
      payload = json.writeValueAsBytes(receipt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A receipt always serialises", e);
    }
    return receipt.signedWith(
        signatures.of(receipt.consentId(), payload, () -> signer.sign(payload)));
  }

  private static UUID idOf(String consentId) {
    return ConsentIds.parse(consentId).orElseThrow(() -> notFound(consentId));
  }

  private static NotFound notFound(String consentId) {
    return new NotFound("Consent " + consentId);
  }
}
