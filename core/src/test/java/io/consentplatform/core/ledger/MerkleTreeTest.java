package io.consentplatform.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.core.ledger.MerkleTree.Frontier;
import io.consentplatform.core.ledger.MerkleTree.HashedNode;
import io.consentplatform.core.ledger.MerkleTree.Node;
import io.consentplatform.core.ledger.MerkleTree.Range;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Merkle tree against published RFC 6962 / RFC 9162 vectors of transparency-dev/merkle (commit
 * 417fb0c314750d94e53942e9f92e79b6d35915db): the leaf inputs, node and root hashes of its {@code
 * testonly/constants.go}, written out below, and its verification probes under {@code
 * src/test/resources/merkle-vectors}.
 */
class MerkleTreeTest {

  private static final HexFormat HEX = HexFormat.of();

  /** testonly/constants.go, LeafInputs(). */
  private static final String[] LEAF_INPUTS = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  /** testonly/constants.go, NodeHashes(): [level][index] of the complete subtrees of 8 leaves. */
  private static final String[][] NODE_HASHES = {
    {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
      "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"
    },
    {
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"
    },
    {
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"
    },
    {"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"}
  };

  /** testonly/constants.go, RootHashes(): the root of the first n leaves, n = 0..8. */
  private static final String[] ROOT_HASHES = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  @Test
  void shouldHashLeavesAndGrowRootsAsPublished() {
    Frontier frontier = new Frontier(0, List.of());
    assertEquals(ROOT_HASHES[0], HEX.formatHex(frontier.root()));
    for (int i = 0; i < LEAF_INPUTS.length; i++) {
      byte[] leaf = MerkleTree.leafHash(HEX.parseHex(LEAF_INPUTS[i]));
      assertEquals(NODE_HASHES[0][i], HEX.formatHex(leaf), "leaf " + i);
      for (HashedNode completed : frontier.append(leaf)) {
        Node node = completed.node();
        assertEquals(
            NODE_HASHES[node.level()][(int) node.index()],
            HEX.formatHex(completed.hash()),
            "node " + node);
      }
      assertEquals(ROOT_HASHES[i + 1], HEX.formatHex(frontier.root()), "root of " + (i + 1));
    }
  }

  @Test
  void shouldReportEveryCompletedSubtreeOnce() {
    Frontier frontier = new Frontier(0, List.of());
    List<Node> completed = new ArrayList<>();
    for (String input : LEAF_INPUTS) {
      frontier
          .append(MerkleTree.leafHash(HEX.parseHex(input)))
          .forEach(n -> completed.add(n.node()));
    }
    assertEquals(8 + 4 + 2 + 1, completed.size());
    assertEquals(new Node(3, 0), completed.get(completed.size() - 1));
  }

  @Test
  void shouldResumeFromAStoredFrontier() {
    // The frontier of 7 leaves is nodes (2,0), (1,2), (0,6): k, i and j in RFC 9162's picture.
    Frontier resumed =
        new Frontier(
            7,
            List.of(
                HEX.parseHex(NODE_HASHES[2][0]),
                HEX.parseHex(NODE_HASHES[1][2]),
                HEX.parseHex(NODE_HASHES[0][6])));
    assertEquals(ROOT_HASHES[7], HEX.formatHex(resumed.root()));
    resumed.append(HEX.parseHex(NODE_HASHES[0][7]));
    assertEquals(ROOT_HASHES[8], HEX.formatHex(resumed.root()));
  }

  @Test
  void shouldDecomposeRangesIntoAlignedPerfectSubtrees() {
    assertEquals(
        List.of(new Node(2, 0), new Node(1, 2), new Node(0, 6)),
        MerkleTree.perfectSubtrees(new Range(0, 7)));
    assertEquals(List.of(new Node(1, 2)), MerkleTree.perfectSubtrees(new Range(4, 6)));
    assertEquals(
        List.of(new Node(1, 2), new Node(0, 6)), MerkleTree.perfectSubtrees(new Range(4, 7)));
  }

  @Test
  void shouldBuildThePublishedInclusionProofs() throws IOException {
    int checked = 0;
    for (JsonNode probe : probes("inclusion")) {
      if (!probe.get("desc").asText().equals("happy path")) {
        continue;
      }
      long index = probe.get("leafIdx").asLong();
      long size = probe.get("treeSize").asLong();
      assertEquals(
          base64List(probe.get("proof")),
          hexOfHashes(MerkleTree.inclusionPath(index, size)),
          "proof of " + index + " in " + size);
      checked++;
    }
    assertEquals(5, checked);
  }

  @Test
  void shouldBuildThePublishedConsistencyProofs() throws IOException {
    int checked = 0;
    for (JsonNode probe : probes("consistency")) {
      if (!probe.get("desc").asText().equals("happy path")) {
        continue;
      }
      long size1 = probe.get("size1").asLong();
      long size2 = probe.get("size2").asLong();
      assertEquals(
          base64List(probe.get("proof")),
          hexOfHashes(MerkleTree.consistencyPath(size1, size2)),
          "proof from " + size1 + " to " + size2);
      checked++;
    }
    assertEquals(5, checked);
  }

  @Test
  void shouldVerifyEveryPublishedInclusionProbeAsExpected() throws IOException {
    List<JsonNode> probes = probes("inclusion");
    assertEquals(98, probes.size());
    for (JsonNode probe : probes) {
      boolean valid =
          MerkleTree.verifyInclusion(
              probe.get("leafIdx").asLong(),
              probe.get("treeSize").asLong(),
              bytes(probe.get("leafHash")),
              proof(probe.get("proof")),
              bytes(probe.get("root")));
      assertEquals(!probe.get("wantErr").asBoolean(), valid, probe.get("desc").asText());
    }
  }

  @Test
  void shouldVerifyEveryPublishedConsistencyProbeAsExpected() throws IOException {
    List<JsonNode> probes = probes("consistency");
    assertEquals(98, probes.size());
    for (JsonNode probe : probes) {
      boolean valid =
          MerkleTree.verifyConsistency(
              probe.get("size1").asLong(),
              probe.get("size2").asLong(),
              proof(probe.get("proof")),
              bytes(probe.get("root1")),
              bytes(probe.get("root2")));
      assertEquals(!probe.get("wantErr").asBoolean(), valid, probe.get("desc").asText());
    }
  }

  @Test
  void shouldProveEveryLeafAndEveryExtensionOfTheEightLeafTree() {
    for (long size = 1; size <= 8; size++) {
      byte[] root = HEX.parseHex(ROOT_HASHES[(int) size]);
      for (long index = 0; index < size; index++) {
        List<byte[]> path = hashes(MerkleTree.inclusionPath(index, size));
        byte[] leaf = HEX.parseHex(NODE_HASHES[0][(int) index]);
        assertTrue(MerkleTree.verifyInclusion(index, size, leaf, path, root), index + "/" + size);
        assertFalse(
            MerkleTree.verifyInclusion(index, size, HEX.parseHex(ROOT_HASHES[0]), path, root));
      }
      for (long size2 = size; size2 <= 8; size2++) {
        List<byte[]> proof = hashes(MerkleTree.consistencyPath(size, size2));
        byte[] root2 = HEX.parseHex(ROOT_HASHES[(int) size2]);
        assertTrue(
            MerkleTree.verifyConsistency(size, size2, proof, root, root2), size + "->" + size2);
        if (size2 > size) {
          assertFalse(
              MerkleTree.verifyConsistency(
                  size, size2, proof, HEX.parseHex(ROOT_HASHES[(int) size - 1]), root2));
        }
      }
    }
  }

  /** A range's hash from the published node hashes of its perfect subtrees. */
  private static byte[] hashOf(Range range) {
    List<byte[]> parts = new ArrayList<>();
    for (Node node : MerkleTree.perfectSubtrees(range)) {
      parts.add(HEX.parseHex(NODE_HASHES[node.level()][(int) node.index()]));
    }
    return MerkleTree.hashOf(parts);
  }

  private static List<byte[]> hashes(List<Range> ranges) {
    return ranges.stream().map(MerkleTreeTest::hashOf).toList();
  }

  private static List<String> hexOfHashes(List<Range> ranges) {
    return hashes(ranges).stream().map(HEX::formatHex).toList();
  }

  private static List<String> base64List(JsonNode array) {
    return proof(array).stream().map(HEX::formatHex).toList();
  }

  private static List<byte[]> proof(JsonNode array) {
    List<byte[]> proof = new ArrayList<>();
    if (array != null && !array.isNull()) {
      array.forEach(element -> proof.add(bytes(element)));
    }
    return proof;
  }

  private static byte[] bytes(JsonNode base64) {
    return base64 == null || base64.isNull()
        ? new byte[0]
        : Base64.getDecoder().decode(base64.asText());
  }

  private static List<JsonNode> probes(String kind) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Path root;
    try {
      root = Path.of(MerkleTreeTest.class.getResource("/merkle-vectors/" + kind + "/").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<JsonNode> probes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          probes.add(mapper.readTree(in));
        }
      }
    }
    return probes;
  }
}
