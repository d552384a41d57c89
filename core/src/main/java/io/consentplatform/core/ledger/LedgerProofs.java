package io.consentplatform.core.ledger;

import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.ledger.MerkleTree.Range;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What anyone may ask of a site's transparency log, by site key: its signed tree heads, the proof
 * that a record is a leaf of a signed tree (inclusion) and the proof that a later tree extends an
 * earlier one (consistency). Public data: hashes and signatures, never a record's content.
 */
@ApplicationScoped
public class LedgerProofs {

  /** Leaf {@code leafIndex} (the entry's seq - 1) of the tree of {@code head}, and its path. */
  public record InclusionProof(
      long leafIndex, long treeSize, String recordDigest, List<String> auditPath, TreeHead head) {}

  /** The hashes proving that the tree of {@code to} leaves extends the one of {@code from}. */
  public record ConsistencyProof(long from, long to, List<String> proof, TreeHead toHead) {}

  private static final HexFormat HEX = HexFormat.of();

  private final DataSource dataSource;

  public LedgerProofs(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The head of the site's largest signed tree. */
  public Optional<TreeHead> latestHead(String siteKey) {
    return read(siteKey, (connection, siteId) -> TreeHeads.latest(connection, siteId, siteKey));
  }

  /** A head signed at exactly {@code treeSize}, the newest of them. */
  public Optional<TreeHead> head(String siteKey, long treeSize) {
    return read(
        siteKey, (connection, siteId) -> TreeHeads.at(connection, siteId, siteKey, treeSize));
  }

  /** Up to {@code limit} heads smaller than {@code beforeSize} (any when null), largest first. */
  public List<TreeHead> heads(String siteKey, Long beforeSize, int limit) {
    return read(
        siteKey,
        (connection, siteId) -> TreeHeads.list(connection, siteId, siteKey, beforeSize, limit));
  }

  /**
   * The record's digest once it is sealed, for its receipt: empty while it waits to be sealed, and
   * for a record of another site, erased or removed by retention.
   */
  public Optional<String> recordDigest(String siteKey, UUID consentId) {
    return read(
        siteKey,
        (connection, siteId) -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "select l.record_digest from consent_ledger l"
                      + " where l.site_id = ? and l.record_id = ?"
                      + " and not exists (select from consent_erasure e"
                      + " where e.record_id = l.record_id)")) {
            query.setLong(1, siteId);
            query.setObject(2, consentId);
            try (ResultSet row = query.executeQuery()) {
              return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /**
   * The proof that the record is a leaf of the site's latest signed tree.
   *
   * @throws NotFound no such record of this site, or erased, or removed by retention
   * @throws Conflict the record is recorded but not sealed yet (within about a second)
   */
  public InclusionProof inclusion(String siteKey, UUID consentId) {
    return read(
        siteKey,
        (connection, siteId) -> {
          long seq;
          String digest;
          try (PreparedStatement query =
              connection.prepareStatement(
                  "select l.seq, l.record_digest, exists (select from consent_erasure e"
                      + " where e.record_id = l.record_id)"
                      + " from consent_ledger l where l.site_id = ? and l.record_id = ?")) {
            query.setLong(1, siteId);
            query.setObject(2, consentId);
            try (ResultSet row = query.executeQuery()) {
              if (!row.next()) {
                throw unsealedOrUnknown(connection, siteId, consentId);
              }
              if (row.getBoolean(3)) {
                throw new NotFound("Consent record " + consentId);
              }
              seq = row.getLong(1);
              digest = row.getString(2);
            }
          }
          TreeHead head =
              TreeHeads.latest(connection, siteId, siteKey)
                  .filter(h -> h.treeSize() >= seq)
                  .orElseThrow(() -> new Conflict("The record is not sealed yet"));
          List<byte[]> path =
              TreeStore.hashesOf(
                  connection, siteId, MerkleTree.inclusionPath(seq - 1, head.treeSize()));
          return new InclusionProof(
              seq - 1, head.treeSize(), digest, path.stream().map(HEX::formatHex).toList(), head);
        });
  }

  private static RuntimeException unsealedOrUnknown(
      Connection connection, long siteId, UUID consentId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select from consent_ledger_pending where site_id = ? and record_id = ?")) {
      query.setLong(1, siteId);
      query.setObject(2, consentId);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? new Conflict("The record is not sealed yet")
            : new NotFound("Consent record " + consentId);
      }
    }
  }

  /**
   * The proof that the signed tree of {@code to} leaves extends the tree of {@code from} leaves.
   *
   * @throws Rejected unless 0 < from <= to <= the latest size, {@code to} is the size of a signed
   *     head and {@code from} is not before the retention checkpoint
   */
  public ConsistencyProof consistency(String siteKey, long from, long to) {
    return read(
        siteKey,
        (connection, siteId) -> {
          long latest =
              TreeHeads.latest(connection, siteId, siteKey).map(TreeHead::treeSize).orElse(0L);
          if (from <= 0 || from > to || to > latest) {
            throw new Rejected(
                "from", "Sizes are 0 < from <= to <= " + latest + ", the latest tree's size");
          }
          long checkpoint = TreeStore.checkpoint(connection, siteId).size();
          if (from < checkpoint) {
            throw new Rejected(
                "from",
                "Retention removed the log's first "
                    + checkpoint
                    + " entries: proofs start from "
                    + checkpoint);
          }
          TreeHead toHead =
              TreeHeads.at(connection, siteId, siteKey, to)
                  .orElseThrow(() -> new Rejected("to", "No head was signed at size " + to));
          List<Range> ranges = MerkleTree.consistencyPath(from, to);
          return new ConsistencyProof(
              from,
              to,
              TreeStore.hashesOf(connection, siteId, ranges).stream().map(HEX::formatHex).toList(),
              toHead);
        });
  }

  /**
   * A read of one site, by key, in a read-only snapshot of its own: retention cannot remove a node
   * halfway through a proof.
   */
  private <T> T read(String siteKey, SiteRead<T> read) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection connection = dataSource.getConnection()) {
                try (Statement snapshot = connection.createStatement()) {
                  snapshot.execute("set transaction isolation level repeatable read, read only");
                }
                return read.apply(connection, siteId(connection, siteKey));
              } catch (SQLException e) {
                throw new IllegalStateException(
                    "Reading the log of site " + siteKey + " failed", e);
              }
            });
  }

  private static long siteId(Connection connection, String siteKey) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select id from site where site_key = ?")) {
      query.setString(1, siteKey);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new NotFound("Site " + siteKey);
        }
        return row.getLong(1);
      }
    }
  }

  @FunctionalInterface
  private interface SiteRead<T> {
    T apply(Connection connection, long siteId) throws SQLException;
  }
}
