package io.consentplatform.core.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 section 2.1 (SHA-256): hashes, the verification of inclusion and
 * consistency proofs, and which subtrees a proof is made of, so that a store keeping the hashes of
 * perfect subtrees can answer with lookups. Pure arithmetic, no database.
 */
public final class MerkleTree {

  /** A perfect subtree: {@code 2^level} leaves starting at leaf {@code index << level}. */
  public record Node(int level, long index) {

    public long start() {
      return index << level;
    }

    public long end() {
      return (index + 1) << level;
    }
  }

  /**
   * The leaves {@code [start, end)} of a subtree as RFC 9162 splits a tree, whose hash is the MTH
   * of those leaves.
   */
  public record Range(long start, long end) {}

  /** The length of every hash in the tree. */
  public static final int HASH_BYTES = 32;

  private MerkleTree() {}

  /** SHA-256(0x00 || input): the hash of a leaf. */
  public static byte[] leafHash(byte[] input) {
    MessageDigest sha256 = sha256();
    sha256.update((byte) 0x00);
    return sha256.digest(input);
  }

  /** SHA-256(0x01 || left || right): the hash of an inner node. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest sha256 = sha256();
    sha256.update((byte) 0x01);
    sha256.update(left);
    return sha256.digest(right);
  }

  /** The hash of an empty tree, SHA-256 of nothing. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /**
   * RFC 9162 2.1.3.2: whether {@code auditPath} proves that the leaf hashing to {@code leafHash} is
   * leaf {@code leafIndex} of the tree of {@code treeSize} leaves whose root is {@code root}.
   */
  public static boolean verifyInclusion(
      long leafIndex, long treeSize, byte[] leafHash, List<byte[]> auditPath, byte[] root) {
    if (leafIndex < 0 || leafIndex >= treeSize || leafHash.length != HASH_BYTES) {
      return false;
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : auditPath) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /**
   * RFC 9162 2.1.4.2: whether {@code proof} shows that the tree of {@code size2} leaves with root
   * {@code root2} extends the tree of {@code size1} leaves with root {@code root1}. Equal sizes
   * need an empty proof and equal roots; a proof from the empty tree proves nothing and fails.
   */
  public static boolean verifyConsistency(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
    if (size1 <= 0 || size2 < size1) {
      return false;
    }
    if (size1 == size2) {
      return proof.isEmpty() && Arrays.equals(root1, root2);
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof.size() + 1);
    if (Long.bitCount(size1) == 1) {
      path.add(root1);
    }
    path.addAll(proof);
    long fn = size1 - 1;
    long sn = size2 - 1;
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
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
  }

  /**
   * RFC 9162 2.1.3.1 PATH(m, D[n]): the subtrees whose hashes, in this order, form the audit path
   * of leaf {@code index} in a tree of {@code size} leaves.
   */
  public static List<Range> inclusionPath(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size);
    }
    List<Range> path = new ArrayList<>();
    collectPath(index, 0, size, path);
    return path;
  }

  private static void collectPath(long m, long start, long end, List<Range> path) {
    long n = end - start;
    if (n <= 1) {
      return;
    }
    long k = split(n);
    if (m < k) {
      collectPath(m, start, start + k, path);
      path.add(new Range(start + k, end));
    } else {
      collectPath(m - k, start + k, end, path);
      path.add(new Range(start, start + k));
    }
  }

  /**
   * RFC 9162 2.1.4.1 PROOF(m, D[n]): the subtrees whose hashes, in this order, form the proof that
   * the tree of {@code size2} leaves extends the one of {@code size1}; empty when the sizes are
   * equal.
   */
  public static List<Range> consistencyPath(long size1, long size2) {
    if (size1 <= 0 || size2 < size1) {
      throw new IllegalArgumentException("No consistency proof from " + size1 + " to " + size2);
    }
    List<Range> proof = new ArrayList<>();
    if (size1 < size2) {
      collectSubproof(size1, 0, size2, true, proof);
    }
    return proof;
  }

  private static void collectSubproof(
      long m, long start, long end, boolean whole, List<Range> proof) {
    long n = end - start;
    if (m == n) {
      if (!whole) {
        proof.add(new Range(start, end));
      }
      return;
    }
    long k = split(n);
    if (m <= k) {
      collectSubproof(m, start, start + k, whole, proof);
      proof.add(new Range(start + k, end));
    } else {
      collectSubproof(m - k, start + k, end, false, proof);
      proof.add(new Range(start, start + k));
    }
  }

  /** The largest power of two smaller than {@code n} (n > 1): where RFC 9162 splits n leaves. */
  private static long split(long n) {
    return Long.highestOneBit(n - 1);
  }

  /**
   * The perfect subtrees a range of the tree is made of, largest first: one node when the range is
   * itself perfect, and for {@code [0, size)} the tree's right edge (its "frontier").
   */
  public static List<Node> perfectSubtrees(Range range) {
    List<Node> nodes = new ArrayList<>();
    long start = range.start();
    long remaining = range.end() - range.start();
    while (remaining > 0) {
      long size = Long.highestOneBit(remaining);
      int level = Long.numberOfTrailingZeros(size);
      if (start % size != 0) {
        throw new IllegalArgumentException("Not a subtree of an RFC 9162 tree: " + range);
      }
      nodes.add(new Node(level, start >> level));
      start += size;
      remaining -= size;
    }
    return nodes;
  }

  /**
   * The hash of a range from the hashes of its {@link #perfectSubtrees} in their order: RFC 9162
   * puts the largest on the left and hashes the rest as its right sibling.
   */
  public static byte[] hashOf(List<byte[]> perfectSubtreeHashes) {
    if (perfectSubtreeHashes.isEmpty()) {
      return emptyRoot();
    }
    byte[] hash = perfectSubtreeHashes.get(perfectSubtreeHashes.size() - 1);
    for (int i = perfectSubtreeHashes.size() - 2; i >= 0; i--) {
      hash = nodeHash(perfectSubtreeHashes.get(i), hash);
    }
    return hash;
  }

  /** A perfect subtree with its hash. */
  public record HashedNode(Node node, byte[] hash) {}

  /**
   * The right edge of a tree growing leaf by leaf: the hashes of {@code perfectSubtrees([0,
   * size))}, enough to append a leaf and to compute the root without the rest of the tree.
   */
  public static final class Frontier {

    private final List<byte[]> hashes;
    private long size;

    /**
     * The frontier of a tree of {@code size} leaves, its perfect subtrees' hashes largest first.
     */
    public Frontier(long size, List<byte[]> hashes) {
      if (perfectSubtrees(new Range(0, size)).size() != hashes.size()) {
        throw new IllegalArgumentException("A tree of " + size + " leaves has another frontier");
      }
      this.size = size;
      this.hashes = new ArrayList<>(hashes);
    }

    /** Appends a leaf; returns the perfect subtrees it completed, the leaf itself first. */
    public List<HashedNode> append(byte[] leafHash) {
      List<HashedNode> completed = new ArrayList<>();
      completed.add(new HashedNode(new Node(0, size), leafHash));
      hashes.add(leafHash);
      size++;
      // The leaf closes one perfect subtree per trailing one bit of its index.
      for (int level = 1; (size & ((1L << level) - 1)) == 0; level++) {
        byte[] right = hashes.remove(hashes.size() - 1);
        byte[] left = hashes.remove(hashes.size() - 1);
        byte[] parent = nodeHash(left, right);
        hashes.add(parent);
        completed.add(new HashedNode(new Node(level, (size >> level) - 1), parent));
      }
      return completed;
    }

    public long size() {
      return size;
    }

    /** The hashes of the tree's perfect subtrees, largest first. */
    public List<byte[]> hashes() {
      return List.copyOf(hashes);
    }

    /** The tree's root hash. */
    public byte[] root() {
      return hashOf(hashes);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
