package io.consentplatform.core.ledger;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.ledger.MerkleTree.Frontier;
import io.consentplatform.core.ledger.MerkleTree.HashedNode;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.sql.DataSource;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Walks a site's whole log and recomputes its Merkle tree from the records as they are now: a
 * record changed, removed or slipped in, an entry or a stored node rewritten, a tail truncated or a
 * head that the log or the platform's keys do not bear out, each shows as the first broken link.
 */
@ApplicationScoped
@TenantScoped
public class LedgerVerifier {

  /**
   * The outcome of a walk: {@code intact} when everything holds, else {@code broken} names the
   * first thing that does not. {@code treeSize} and {@code rootHash} are the tree recomputed from
   * the records; {@code heads} how many signed heads were checked against it.
   */
  public record Verification(
      long siteId,
      boolean intact,
      long entries,
      long erased,
      long pending,
      Long fromCheckpoint,
      long treeSize,
      String rootHash,
      long heads,
      BrokenLink broken) {}

  /** The first link that does not hold, and why. */
  public record BrokenLink(long seq, UUID recordId, String problem) {}

  private static final HexFormat HEX = HexFormat.of();

  private final DataSource dataSource;
  private final ReceiptKeys keys;

  public LedgerVerifier(DataSource dataSource, ReceiptKeys keys) {
    this.dataSource = dataSource;
    this.keys = keys;
  }

  @Transactional
  public Verification verify(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    TenantScope.site(caller, siteId);
    // The connection takes part in the transaction, which the cursors (fetch size) need: the log
    // of a big site is never held in memory.
    try (Connection connection = dataSource.getConnection()) {
      return walk(connection, siteId);
    } catch (SQLException e) {
      throw new IllegalStateException("Verifying the ledger of site " + siteId + " failed", e);
    }
  }

  /** The walk itself, on a connection the caller chose (an upgrade's database, a benchmark's). */
  Verification walk(Connection connection, long siteId) throws SQLException {
    return new Walk(connection, siteId, trustedKeys()).run();
  }

  private JsonWebKeySet trustedKeys() {
    try {
      return new JsonWebKeySet(keys.publishedKeySet());
    } catch (JoseException e) {
      throw new IllegalStateException("The published key set does not parse", e);
    }
  }

  /** One walk over entries, stored nodes and heads, three cursors advancing together. */
  private static final class Walk {

    private final Connection connection;
    private final long siteId;
    private final JsonWebKeySet trusted;
    private String siteKey;
    private Frontier frontier;
    private BrokenLink broken;

    /** An entry whose digest disagrees with its record: the tree says which of the two changed. */
    private BrokenLink suspect;

    private long heads;
    private ResultSet nodes;
    private boolean nodeAhead;
    private ResultSet headRows;
    private boolean headAhead;

    Walk(Connection connection, long siteId, JsonWebKeySet trusted) {
      this.connection = connection;
      this.siteId = siteId;
      this.trusted = trusted;
    }

    Verification run() throws SQLException {
      siteKey = siteKey();
      TreeStore.Checkpoint checkpoint = TreeStore.checkpoint(connection, siteId);
      frontier = new Frontier(checkpoint.size(), checkpoint.frontier());
      long entries = 0;
      long erased = 0;
      try (PreparedStatement entryQuery = entries(checkpoint.size());
          PreparedStatement nodeQuery = nodes(checkpoint.size());
          PreparedStatement headQuery = heads(checkpoint.size());
          ResultSet row = entryQuery.executeQuery();
          ResultSet nodeRows = nodeQuery.executeQuery();
          ResultSet headRowsOpen = headQuery.executeQuery()) {
        nodes = nodeRows;
        nodeAhead = nodes.next();
        headRows = headRowsOpen;
        headAhead = headRows.next();
        String previousHash = null;
        checkHeadsAtCurrentSize();
        while (broken == null && row.next()) {
          long seq = row.getLong(1);
          UUID recordId = row.getObject(2, UUID.class);
          String digest = row.getString(3);
          String previous = row.getString(4);
          String hash = row.getString(5);
          boolean wasErased = row.getBoolean(6);
          boolean present = row.getBoolean(7);
          long expectedSeq = frontier.size() + 1;
          if (seq != expectedSeq) {
            fail(new BrokenLink(expectedSeq, null, "entry " + expectedSeq + " is missing"));
            break;
          }
          if (hash != null
              && (!hash.equals(Hashes.link(previous, digest))
                  || (previousHash != null && !previous.equals(previousHash)))) {
            // An entry sealed by the hash chain, before the tree: its link still holds.
            fail(new BrokenLink(seq, recordId, "the entry was altered"));
            break;
          }
          previousHash = hash;
          if (present && !digest.equals(RecordDigest.of(row, 8)) && suspect == null) {
            suspect = new BrokenLink(seq, recordId, "the record was altered");
          } else if (!present && !wasErased) {
            fail(new BrokenLink(seq, recordId, "the record is missing"));
            break;
          }
          if (!present && wasErased) {
            erased++;
          }
          entries++;
          for (HashedNode node : frontier.append(TreeStore.leaf(digest))) {
            checkNode(node);
          }
          checkHeadsAtCurrentSize();
        }
        if (broken == null && headAhead) {
          fail(
              new BrokenLink(
                  frontier.size() + 1,
                  null,
                  "the log ends at entry "
                      + frontier.size()
                      + " but a head was signed at size "
                      + headRows.getLong(1)
                      + ": entries were removed"));
        }
      }
      if (broken == null && suspect != null) {
        broken = suspect;
      }
      if (broken == null) {
        broken = unsealedOutsideTheLog();
      }
      return new Verification(
          siteId,
          broken == null,
          entries,
          erased,
          pending(),
          checkpoint.size() > 0 ? checkpoint.size() : null,
          frontier.size(),
          HEX.formatHex(frontier.root()),
          heads,
          broken);
    }

    /**
     * The first problem found ends the walk. A record that disagreed with its entry earlier comes
     * first: when the tree itself fails, the entry is what changed, else the record.
     */
    private void fail(BrokenLink problem) {
      if (broken != null) {
        return;
      }
      broken = suspect != null ? suspect : problem;
    }

    private void failInTheTree(BrokenLink problem) {
      if (broken != null) {
        return;
      }
      broken =
          suspect != null
              ? new BrokenLink(suspect.seq(), suspect.recordId(), "the entry was altered")
              : problem;
    }

    /** A subtree the walk completed must be stored, with the same hash: proofs are made of it. */
    private void checkNode(HashedNode computed) throws SQLException {
      if (computed.node().level() == 0) {
        return;
      }
      MerkleTree.Node node = computed.node();
      String range = "entries " + (node.start() + 1) + " to " + node.end();
      if (!nodeAhead || nodes.getInt(1) != node.level() || nodes.getLong(2) != node.index()) {
        failInTheTree(
            new BrokenLink(node.end(), null, "the tree's node over " + range + " is missing"));
        return;
      }
      if (!Arrays.equals(nodes.getBytes(3), computed.hash())) {
        failInTheTree(
            new BrokenLink(node.end(), null, "the tree's node over " + range + " was altered"));
      }
      nodeAhead = nodes.next();
    }

    /** Every head signed at the size the walk reached must carry its root, signed by our keys. */
    private void checkHeadsAtCurrentSize() throws SQLException {
      byte[] root = null;
      while (broken == null && headAhead && headRows.getLong(1) <= frontier.size()) {
        TreeHead head = TreeHeads.read(headRows, siteKey);
        heads++;
        if (head.treeSize() < frontier.size()) {
          // Only a head at the checkpoint's size or beyond is read; smaller ones were skipped.
          failInTheTree(
              new BrokenLink(head.treeSize(), null, "a head was signed at a size the log skips"));
          return;
        }
        if (root == null) {
          root = frontier.root();
        }
        if (!head.rootHash().equals(HEX.formatHex(root))) {
          failInTheTree(
              new BrokenLink(
                  head.treeSize(),
                  null,
                  "the head signed at size " + head.treeSize() + " does not match the log"));
          return;
        }
        if (!signedByUs(head)) {
          fail(
              new BrokenLink(
                  head.treeSize(),
                  null,
                  "the head signed at size " + head.treeSize() + " has no valid signature"));
          return;
        }
        if (suspect != null) {
          // The signed tree agrees with the entry, so the record is what changed.
          fail(suspect);
          return;
        }
        headAhead = headRows.next();
      }
    }

    private boolean signedByUs(TreeHead head) {
      try {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(
            new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA));
        jws.setCompactSerialization(head.signature());
        JsonWebKey key = trusted.findJsonWebKey(jws.getKeyIdHeaderValue(), null, null, null);
        if (!(key instanceof PublicJsonWebKey publicKey)
            || !TreeHeads.TYPE.equals(jws.getHeader("typ"))) {
          return false;
        }
        jws.setKey(publicKey.getPublicKey());
        return jws.verifySignature()
            && new String(jws.getPayloadBytes(), StandardCharsets.UTF_8)
                .equals(
                    TreeHeads.payload(siteKey, head.treeSize(), head.rootHash(), head.timestamp()));
      } catch (JoseException e) {
        return false;
      }
    }

    private PreparedStatement entries(long from) throws SQLException {
      PreparedStatement query =
          connection.prepareStatement(
              "select l.seq, l.record_id, l.record_digest, l.prev_hash, l.hash,"
                  + " e.record_id is not null, r.id is not null, "
                  + RecordDigest.COLUMNS
                  + " from consent_ledger l"
                  + " left join consent_record r on r.id = l.record_id"
                  + " left join policy_version v on v.id = r.policy_version_id"
                  + " left join consent_erasure e on e.record_id = l.record_id"
                  + " where l.site_id = ? and l.seq > ? order by l.seq");
      query.setFetchSize(1000);
      query.setLong(1, siteId);
      query.setLong(2, from);
      return query;
    }

    /** Stored nodes in the order a walk completes them: by their last leaf, then upwards. */
    private PreparedStatement nodes(long from) throws SQLException {
      PreparedStatement query =
          connection.prepareStatement(
              "select level, idx, hash from consent_ledger_node"
                  + " where site_id = ? and (idx + 1) << level > ?"
                  + " order by (idx + 1) << level, level");
      query.setFetchSize(1000);
      query.setLong(1, siteId);
      query.setLong(2, from);
      return query;
    }

    private PreparedStatement heads(long from) throws SQLException {
      PreparedStatement query =
          connection.prepareStatement(
              "select tree_size, root_hash, signed_at, signature from consent_ledger_head"
                  + " where site_id = ? and tree_size >= ? order by tree_size, signed_at");
      query.setFetchSize(1000);
      query.setLong(1, siteId);
      query.setLong(2, from);
      return query;
    }

    private String siteKey() throws SQLException {
      try (PreparedStatement query =
          connection.prepareStatement("select site_key from site where id = ?")) {
        query.setLong(1, siteId);
        try (ResultSet row = query.executeQuery()) {
          row.next();
          return row.getString(1);
        }
      }
    }

    /** A record that is neither sealed nor queued was slipped in around the application. */
    private BrokenLink unsealedOutsideTheLog() throws SQLException {
      try (PreparedStatement query =
          connection.prepareStatement(
              "select r.id from consent_record r"
                  + " where r.site_id = ?"
                  + " and not exists (select 1 from consent_ledger l where l.record_id = r.id)"
                  + " and not exists (select 1 from consent_ledger_pending p"
                  + " where p.record_id = r.id) limit 1")) {
        query.setLong(1, siteId);
        try (ResultSet row = query.executeQuery()) {
          return row.next()
              ? new BrokenLink(0, row.getObject(1, UUID.class), "a record is outside the log")
              : null;
        }
      }
    }

    private long pending() throws SQLException {
      try (PreparedStatement query =
          connection.prepareStatement(
              "select count(*) from consent_ledger_pending where site_id = ?")) {
        query.setLong(1, siteId);
        try (ResultSet row = query.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    }
  }
}
