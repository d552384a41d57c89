package io.consentplatform.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentplatform.core.db.DomainJson;
import io.consentplatform.core.webhook.WebhookEvents;
import io.consentplatform.core.webhook.WebhookOutbox;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Where signed tree heads are made and read: the table consent_ledger_head. */
final class TreeHeads {

  /** The JWS {@code typ} of a tree head, so that it never passes for a receipt. */
  static final String TYPE = "tree-head+jws";

  private static final String COLUMNS = "tree_size, root_hash, signed_at, signature";

  private TreeHeads() {}

  /** The payload a head's signature covers, its members in the documented order. */
  static String payload(String siteKey, long treeSize, String rootHash, Instant timestamp) {
    ObjectNode payload = DomainJson.mapper().createObjectNode();
    payload.put("site", siteKey);
    payload.put("treeSize", treeSize);
    payload.put("rootHash", rootHash);
    payload.put("timestamp", timestamp.toEpochMilli());
    try {
      return DomainJson.mapper().writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Strings and numbers always serialise", e);
    }
  }

  /** Signs the site's tree at {@code treeSize} with root {@code root} and keeps the head. */
  static TreeHead sign(
      Connection connection,
      ReceiptSigner signer,
      long siteId,
      String siteKey,
      long treeSize,
      byte[] root)
      throws SQLException {
    // Millisecond precision: the timestamp in the signed payload is the one stored.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String rootHash = HexFormat.of().formatHex(root);
    String signature =
        signer.sign(
            payload(siteKey, treeSize, rootHash, now).getBytes(StandardCharsets.UTF_8), TYPE);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into consent_ledger_head (site_id, tree_size, root_hash, signed_at, signature)"
                + " values (?, ?, ?, ?, ?)")) {
      insert.setLong(1, siteId);
      insert.setLong(2, treeSize);
      insert.setString(3, rootHash);
      insert.setTimestamp(4, Timestamp.from(now));
      insert.setString(5, signature);
      insert.executeUpdate();
    }
    TreeHead head = new TreeHead(siteKey, treeSize, rootHash, now, signature);
    // In the sealer's transaction: a head that is rolled back is never announced.
    WebhookOutbox.emit(
        connection, tenantOf(connection, siteId), siteId, WebhookEvents.LEDGER_HEAD, now, head);
    return head;
  }

  private static long tenantOf(Connection connection, long siteId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select tenant_id from site where id = ?")) {
      query.setLong(1, siteId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** The head of the largest tree, the newest of those. */
  static Optional<TreeHead> latest(Connection connection, long siteId, String siteKey)
      throws SQLException {
    return first(
        query(
            connection,
            siteKey,
            "select "
                + COLUMNS
                + " from consent_ledger_head where site_id = ?"
                + " order by tree_size desc, signed_at desc limit 1",
            siteId));
  }

  /** The newest head signed at exactly {@code treeSize}. */
  static Optional<TreeHead> at(Connection connection, long siteId, String siteKey, long treeSize)
      throws SQLException {
    return first(
        query(
            connection,
            siteKey,
            "select "
                + COLUMNS
                + " from consent_ledger_head where site_id = ? and tree_size = ?"
                + " order by signed_at desc limit 1",
            siteId,
            treeSize));
  }

  /** Heads smaller than {@code beforeSize} (all when null), largest first. */
  static List<TreeHead> list(
      Connection connection, long siteId, String siteKey, Long beforeSize, int limit)
      throws SQLException {
    return query(
        connection,
        siteKey,
        "select "
            + COLUMNS
            + " from consent_ledger_head where site_id = ? and tree_size < ?"
            + " order by tree_size desc, signed_at desc limit ?",
        siteId,
        beforeSize == null ? Long.MAX_VALUE : beforeSize,
        (long) limit);
  }

  private static Optional<TreeHead> first(List<TreeHead> heads) {
    return heads.isEmpty() ? Optional.empty() : Optional.of(heads.get(0));
  }

  private static List<TreeHead> query(
      Connection connection, String siteKey, String sql, long... parameters) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setLong(i + 1, parameters[i]);
      }
      List<TreeHead> heads = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          heads.add(read(row, siteKey));
        }
      }
      return heads;
    }
  }

  static TreeHead read(ResultSet row, String siteKey) throws SQLException {
    return new TreeHead(
        siteKey,
        row.getLong(1),
        row.getString(2),
        row.getTimestamp(3).toInstant(),
        row.getString(4));
  }
}
