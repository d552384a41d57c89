package io.consentplatform.api.proof;

import io.consentplatform.api.abuse.PublicLimits;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.ledger.LedgerProofs;
import io.consentplatform.core.ledger.LedgerProofs.ConsistencyProof;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The public face of each site's transparency log (RFC 9162): its signed tree heads, and the
 * consistency proofs by which anyone who kept an earlier head checks that the log only grew. Public
 * data, read by auditors' tools and the {@code /verify} page (same origin): no CORS headers; each
 * read counts against the client's limit of reads, like a receipt's.
 */
@Path("/v1/sites/{siteKey}/ledger")
@Tag(name = "Proof")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerHeadResource {

  /** A consistency proof and the signed head it leads to. */
  public record ConsistencyView(long from, long to, List<String> proof, HeadView toHead) {}

  private static final int DEFAULT_HEADS = 20;
  private static final int MAX_HEADS = 100;

  private final LedgerProofs proofs;
  private final PublicLimits limits;

  public LedgerHeadResource(LedgerProofs proofs, PublicLimits limits) {
    this.proofs = proofs;
    this.limits = limits;
  }

  @GET
  @Path("/head")
  @Operation(
      summary = "The site's latest signed tree head, or the one signed at a size",
      description =
          "Without size: the latest head. With size: a head signed when the log had that many"
              + " records (404 when none was). The signature is a JWS (EdDSA, typ tree-head+jws)"
              + " over {site, treeSize, rootHash, timestamp}; the keys are at"
              + " /.well-known/jwks.json.")
  public HeadView head(
      @RestPath String siteKey, @RestQuery String size, HttpServerRequest request) {
    limits.read(request);
    if (size == null) {
      return proofs
          .latestHead(siteKey)
          .map(HeadView::of)
          .orElseThrow(() -> new NotFound("A signed head of site " + siteKey));
    }
    long treeSize = positive("size", size);
    return proofs
        .head(siteKey, treeSize)
        .map(HeadView::of)
        .orElseThrow(() -> new NotFound("A head of site " + siteKey + " at size " + treeSize));
  }

  @GET
  @Path("/heads")
  @Operation(
      summary = "The site's signed tree heads, newest first",
      description =
          "At most limit heads (default 20, at most 100); before=N lists those of sizes below N,"
              + " to page back.")
  public List<HeadView> heads(
      @RestPath String siteKey,
      @RestQuery String before,
      @RestQuery String limit,
      HttpServerRequest request) {
    limits.read(request);
    Long beforeSize = before == null ? null : positive("before", before);
    int count = limit == null ? DEFAULT_HEADS : (int) Math.min(positive("limit", limit), MAX_HEADS);
    return proofs.heads(siteKey, beforeSize, count).stream().map(HeadView::of).toList();
  }

  @GET
  @Path("/consistency")
  @Operation(
      summary = "Proof that the head of size to extends the head of size from",
      description =
          "RFC 9162 section 2.1.4: the hashes (hex) that lead from the root of size from to the"
              + " root of size to, which must be the size of a signed head (422 otherwise, or when"
              + " from lies before the retention checkpoint).")
  public ConsistencyView consistency(
      @RestPath String siteKey,
      @RestQuery String from,
      @RestQuery String to,
      HttpServerRequest request) {
    limits.read(request);
    ConsistencyProof proof =
        proofs.consistency(siteKey, positive("from", from), positive("to", to));
    return new ConsistencyView(
        proof.from(), proof.to(), proof.proof(), HeadView.of(proof.toHead()));
  }

  /** A size as sent in the query: a positive whole number, or 400. */
  private static long positive(String name, String value) {
    if (value == null || !value.matches("[0-9]{1,18}") || Long.parseLong(value) == 0) {
      throw new BadRequestException("The query parameter " + name + " must be a positive number");
    }
    return Long.parseLong(value);
  }
}
