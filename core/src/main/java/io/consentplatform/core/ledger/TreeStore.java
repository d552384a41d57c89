package io.consentplatform.core.ledger;

import io.consentplatform.core.ledger.MerkleTree.Frontier;
import io.consentplatform.core.ledger.MerkleTree.HashedNode;
import io.consentplatform.core.ledger.MerkleTree.Node;
import io.consentplatform.core.ledger.MerkleTree.Range;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site's Merkle tree as the database keeps it: leaves are the ledger entries' record digests,
 * larger perfect subtrees are rows of consent_ledger_node, and what retention removed survives as
 * its checkpoint's frontier. Every subtree hash a proof needs is a lookup.
 */
final class TreeStore {

  private static final HexFormat HEX = HexFormat.of();

  /** Where the tree starts: the newest retention checkpoint's size and frontier, else nothing. */
  record Checkpoint(long size, List<byte[]> frontier) {

    static final Checkpoint NONE = new Checkpoint(0, List.of());

    byte[] root() {
      return MerkleTree.hashOf(frontier);
    }
  }

  private TreeStore() {}

  /** The leaf of an entry: its record digest's 32 bytes, hashed as RFC 9162 hashes leaves. */
  static byte[] leaf(String recordDigest) {
    return MerkleTree.leafHash(HEX.parseHex(recordDigest));
  }

  static Checkpoint checkpoint(Connection connection, long siteId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select seq, frontier, hash from consent_ledger_checkpoint where site_id = ?"
                + " order by seq desc limit 1")) {
      query.setLong(1, siteId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Checkpoint.NONE;
        }
        long size = row.getLong(1);
        Array frontier = row.getArray(2);
        List<byte[]> hashes = new ArrayList<>();
        if (frontier != null) {
          for (String hash : (String[]) frontier.getArray()) {
            hashes.add(HEX.parseHex(hash));
          }
        } else {
          // A checkpoint made by the hash chain, before the tree: its records and entries are
          // gone, so the removed prefix is represented by the chain hash that covered all of it.
          byte[] chainHash = HEX.parseHex(row.getString(3));
          for (int i = 0; i < MerkleTree.perfectSubtrees(new Range(0, size)).size(); i++) {
            hashes.add(chainHash);
          }
        }
        return new Checkpoint(size, hashes);
      }
    }
  }

  /** How many entries the site's ledger holds, counting those retention removed. */
  static long ledgerSize(Connection connection, long siteId) throws SQLException {
    return single(
        connection,
        "select greatest((select max(seq) from consent_ledger where site_id = ?),"
            + " (select max(seq) from consent_ledger_checkpoint where site_id = ?), 0)",
        siteId);
  }

  /**
   * How many leaves the stored tree covers: the largest signed head, or a checkpoint. Smaller than
   * {@link #ledgerSize} only on a ledger sealed before the tree existed.
   */
  static long treeSize(Connection connection, long siteId) throws SQLException {
    return single(
        connection,
        "select greatest((select max(tree_size) from consent_ledger_head where site_id = ?),"
            + " (select max(seq) from consent_ledger_checkpoint where site_id = ?), 0)",
        siteId);
  }

  private static long single(Connection connection, String sql, long siteId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, siteId);
      query.setLong(2, siteId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** The right edge of the site's tree of {@code size} leaves, to append to or take a root of. */
  static Frontier frontier(Connection connection, long siteId, long size) throws SQLException {
    List<Node> nodes = MerkleTree.perfectSubtrees(new Range(0, size));
    Map<Node, byte[]> hashes = hashes(connection, siteId, nodes);
    return new Frontier(size, nodes.stream().map(hashes::get).toList());
  }

  /** The hashes of {@code ranges} (each a subtree of the site's tree), in their order. */
  static List<byte[]> hashesOf(Connection connection, long siteId, List<Range> ranges)
      throws SQLException {
    Set<Node> nodes = new LinkedHashSet<>();
    for (Range range : ranges) {
      nodes.addAll(MerkleTree.perfectSubtrees(range));
    }
    Map<Node, byte[]> hashes = hashes(connection, siteId, nodes);
    List<byte[]> result = new ArrayList<>();
    for (Range range : ranges) {
      result.add(
          MerkleTree.hashOf(MerkleTree.perfectSubtrees(range).stream().map(hashes::get).toList()));
    }
    return result;
  }

  /** The hashes of perfect subtrees: leaves from entries, the rest from nodes or the checkpoint. */
  static Map<Node, byte[]> hashes(Connection connection, long siteId, Collection<Node> nodes)
      throws SQLException {
    Map<Node, byte[]> hashes = new HashMap<>();
    List<Long> seqs = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    List<Long> indexes = new ArrayList<>();
    for (Node node : nodes) {
      if (node.level() == 0) {
        seqs.add(node.index() + 1);
      } else {
        levels.add(node.level());
        indexes.add(node.index());
      }
    }
    if (!seqs.isEmpty()) {
      try (PreparedStatement query =
          connection.prepareStatement(
              "select seq, record_digest from consent_ledger where site_id = ? and seq = any (?)")) {
        query.setLong(1, siteId);
        query.setArray(2, connection.createArrayOf("bigint", seqs.toArray()));
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            hashes.put(new Node(0, row.getLong(1) - 1), leaf(row.getString(2)));
          }
        }
      }
    }
    if (!levels.isEmpty()) {
      try (PreparedStatement query =
          connection.prepareStatement(
              "select n.level, n.idx, n.hash from consent_ledger_node n"
                  + " join unnest(?::smallint[], ?::bigint[]) as w (level, idx)"
                  + " on n.level = w.level and n.idx = w.idx where n.site_id = ?")) {
        query.setArray(1, connection.createArrayOf("smallint", levels.toArray()));
        query.setArray(2, connection.createArrayOf("bigint", indexes.toArray()));
        query.setLong(3, siteId);
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            hashes.put(new Node(row.getInt(1), row.getLong(2)), row.getBytes(3));
          }
        }
      }
    }
    if (hashes.size() < nodes.size()) {
      Checkpoint checkpoint = checkpoint(connection, siteId);
      List<Node> edge = MerkleTree.perfectSubtrees(new Range(0, checkpoint.size()));
      for (Node node : nodes) {
        int at = edge.indexOf(node);
        if (!hashes.containsKey(node) && at >= 0) {
          hashes.put(node, checkpoint.frontier().get(at));
        }
      }
    }
    for (Node node : nodes) {
      if (!hashes.containsKey(node)) {
        throw new IllegalStateException("The tree of site " + siteId + " lacks node " + node);
      }
    }
    return hashes;
  }

  /** Keeps the perfect subtrees of two leaves or more that sealing completed. */
  static void insert(Connection connection, long siteId, List<HashedNode> completed)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into consent_ledger_node (site_id, level, idx, hash) values (?, ?, ?, ?)")) {
      int rows = 0;
      for (HashedNode node : completed) {
        if (node.node().level() == 0) {
          continue;
        }
        insert.setLong(1, siteId);
        insert.setInt(2, node.node().level());
        insert.setLong(3, node.node().index());
        insert.setBytes(4, node.hash());
        insert.addBatch();
        rows++;
      }
      if (rows > 0) {
        insert.executeBatch();
      }
    }
  }
}
