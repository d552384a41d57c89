package io.consentplatform.api.proof;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.ledger.LedgerSealer;
import io.consentplatform.core.policy.PolicyService;
import io.consentplatform.core.testing.PostgresResource;
import io.consentplatform.core.testing.SiteFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A receipt, its inclusion proof and a consistency proof checked the way an outside auditor would:
 * with a Merkle tree written here from RFC 9162 section 2.1 (not the platform's MerkleTree), the
 * JDK's own Ed25519 for the signatures, and the roots recomputed from every record digest in the
 * database. Nothing of the platform's code takes part in the checking.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class IndependentProofTest {

  private static final HexFormat HEX = HexFormat.of();

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 raw bytes. */
  private static final byte[] ED25519_SPKI_PREFIX = HEX.parseHex("302a300506032b6570032100");

  @Inject PolicyService policies;
  @Inject ConsentService consents;
  @Inject LedgerSealer sealer;
  @Inject ObjectMapper json;

  @Test
  void shouldProveAReceiptAndTheLogsGrowthToAnOutsideVerifier() throws Exception {
    String key = "proof-outside";
    long site = SiteFixture.create(key);
    policies.publish(site, "test");
    List<UUID> ids = decide(key, 5);
    JsonNode firstHead = headOnceSealed(key, 5);
    List<UUID> later = decide(key, 2);
    JsonNode secondHead = headOnceSealed(key, 7);

    // The receipt: signed by a published key, over exactly its own fields.
    UUID third = ids.get(2);
    JsonNode proof = get("/v1/sites/" + key + "/consents/" + third + "/proof");
    JsonNode receipt = proof.get("receipt");
    JsonNode signed = verifiedPayload(receipt.get("signature").asText(), "consent-receipt+jws");
    ObjectNode unsigned = receipt.deepCopy();
    unsigned.remove("signature");
    assertEquals(unsigned, signed);
    assertEquals(third.toString(), signed.get("consentId").asText());
    assertEquals("/verify#" + key + "/" + third, signed.get("verify").asText());
    List<String> digests = recordDigests(site);
    assertEquals(7, digests.size());
    assertEquals(digests.get(2), signed.get("recordDigest").asText());

    // Its inclusion, in the tree of the head the proof names, whose signature holds.
    JsonNode head = proof.get("head");
    JsonNode headPayload = verifiedPayload(head.get("signature").asText(), "tree-head+jws");
    assertEquals(key, headPayload.get("site").asText());
    assertEquals(head.get("treeSize").asLong(), headPayload.get("treeSize").asLong());
    assertEquals(head.get("rootHash").asText(), headPayload.get("rootHash").asText());
    assertEquals(head.get("timestamp").asLong(), headPayload.get("timestamp").asLong());
    assertEquals(7, headPayload.get("treeSize").asLong());
    assertEquals(2, proof.get("leafIndex").asLong());
    byte[] root = HEX.parseHex(headPayload.get("rootHash").asText());
    assertArrayEquals(treeHash(digests), root, "the signed root is the tree of every record");
    List<byte[]> path = hashes(proof.get("auditPath"));
    byte[] leaf = leafHash(HEX.parseHex(signed.get("recordDigest").asText()));
    assertTrue(inclusionHolds(2, 7, leaf, path, root));
    // The same checker refuses a proof with one bit changed, or the wrong leaf.
    List<byte[]> bent = new ArrayList<>(path);
    bent.set(1, flipped(bent.get(1)));
    assertFalse(inclusionHolds(2, 7, leaf, bent, root));
    assertFalse(inclusionHolds(3, 7, leaf, path, root));

    // The head of size 7 extends the head of size 5: nothing was rewritten in between.
    JsonNode fromPayload = verifiedPayload(firstHead.get("signature").asText(), "tree-head+jws");
    byte[] root5 = HEX.parseHex(fromPayload.get("rootHash").asText());
    assertArrayEquals(treeHash(digests.subList(0, 5)), root5);
    assertArrayEquals(
        root,
        HEX.parseHex(
            verifiedPayload(secondHead.get("signature").asText(), "tree-head+jws")
                .get("rootHash")
                .asText()));
    JsonNode consistency = get("/v1/sites/" + key + "/ledger/consistency?from=5&to=7");
    assertEquals(7, consistency.get("to").asLong());
    assertEquals(
        headPayload.get("rootHash").asText(),
        verifiedPayload(consistency.get("toHead").get("signature").asText(), "tree-head+jws")
            .get("rootHash")
            .asText());
    List<byte[]> steps = hashes(consistency.get("proof"));
    assertTrue(consistencyHolds(5, 7, steps, root5, root));
    assertFalse(consistencyHolds(5, 7, steps, flipped(root5), root));
    assertEquals(2, later.size());
  }

  private List<UUID> decide(String key, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(
          consents.recordDecision(
                  key,
                  new Decision(
                      null,
                      1,
                      i % 2 == 0 ? ConsentAction.ACCEPT_ALL : ConsentAction.REJECT_ALL,
                      null,
                      "en",
                      ConsentMethod.BANNER,
                      false,
                      null,
                      "203.0.113.9"))
              .id);
    }
    return ids;
  }

  /** The latest head once the log holds {@code size} records (the sealer also runs on its own). */
  private JsonNode headOnceSealed(String key, long size) throws Exception {
    sealer.sealAll();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      var answer = given().get("/v1/sites/" + key + "/ledger/head");
      if (answer.statusCode() == 200 && answer.jsonPath().getLong("treeSize") == size) {
        return json.readTree(answer.asString());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("No head of size " + size + ": " + answer.asString());
      }
      Thread.sleep(50);
    }
  }

  private JsonNode get(String path) throws Exception {
    String body = given().get(path).then().statusCode(200).extract().asString();
    return json.readTree(body);
  }

  /** The record digests of the site's log in sealing order, read behind the platform's back. */
  private static List<String> recordDigests(long site) throws Exception {
    List<String> digests = new ArrayList<>();
    try (Connection db = PostgresResource.superuser();
        PreparedStatement query =
            db.prepareStatement(
                "select record_digest from consent_ledger where site_id = ? order by seq")) {
      query.setLong(1, site);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          digests.add(rows.getString(1));
        }
      }
    }
    return digests;
  }

  /**
   * Verifies a compact JWS with the JDK's Ed25519 and a key of the published JWK Set; answers its
   * payload.
   */
  private JsonNode verifiedPayload(String jws, String type) throws Exception {
    String[] parts = jws.split("\\.");
    assertEquals(3, parts.length);
    Base64.Decoder url = Base64.getUrlDecoder();
    JsonNode header = json.readTree(url.decode(parts[0]));
    assertEquals("EdDSA", header.get("alg").asText());
    assertEquals(type, header.get("typ").asText());
    JsonNode jwk = null;
    for (JsonNode candidate :
        json.readTree(given().get("/.well-known/jwks.json").asString()).get("keys")) {
      if (candidate.get("kid").asText().equals(header.get("kid").asText())) {
        jwk = candidate;
      }
    }
    assertTrue(jwk != null, "the signing key is published");
    assertEquals("Ed25519", jwk.get("crv").asText());
    byte[] raw = url.decode(jwk.get("x").asText());
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key);
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(verifier.verify(url.decode(parts[2])), "the signature holds");
    return json.readTree(url.decode(parts[1]));
  }

  private static List<byte[]> hashes(JsonNode array) {
    List<byte[]> out = new ArrayList<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      out.add(HEX.parseHex(it.next().asText()));
    }
    return out;
  }

  private static byte[] flipped(byte[] hash) {
    byte[] copy = hash.clone();
    copy[0] ^= 1;
    return copy;
  }

  // RFC 9162 section 2.1, written out here from the RFC's text.

  private static byte[] sha256(byte prefix, byte[]... parts) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(prefix);
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  private static byte[] leafHash(byte[] input) throws Exception {
    return sha256((byte) 0, input);
  }

  /** MTH(D[n]) of 2.1.1, by its recursive definition over the hex record digests. */
  private static byte[] treeHash(List<String> inputs) throws Exception {
    if (inputs.size() == 1) {
      return leafHash(HEX.parseHex(inputs.get(0)));
    }
    int k = Integer.highestOneBit(inputs.size() - 1);
    return sha256(
        (byte) 1, treeHash(inputs.subList(0, k)), treeHash(inputs.subList(k, inputs.size())));
  }

  /** The verification of an inclusion proof, 2.1.3.2. */
  private static boolean inclusionHolds(
      long index, long size, byte[] leaf, List<byte[]> path, byte[] root) throws Exception {
    if (index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leaf;
    for (byte[] p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = sha256((byte) 1, p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = sha256((byte) 1, r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /** The verification of a consistency proof, 2.1.4.2, for 0 < first < second. */
  private static boolean consistencyHolds(
      long first, long second, List<byte[]> proof, byte[] firstHash, byte[] secondHash)
      throws Exception {
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) {
      path.add(0, firstHash);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = sha256((byte) 1, c, fr);
        sr = sha256((byte) 1, c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = sha256((byte) 1, sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash);
  }
}
