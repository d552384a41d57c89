package io.consentplatform.core.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where a site's chain ends: its last entry, else the checkpoint retention left, else the start.
 */
record ChainHead(long seq, String hash) {

  static ChainHead of(Connection connection, long siteId) throws SQLException {
    for (String table : new String[] {"consent_ledger", "consent_ledger_checkpoint"}) {
      try (PreparedStatement last =
          connection.prepareStatement(
              "select seq, hash from " + table + " where site_id = ? order by seq desc limit 1")) {
        last.setLong(1, siteId);
        try (ResultSet row = last.executeQuery()) {
          if (row.next()) {
            return new ChainHead(row.getLong(1), row.getString(2));
          }
        }
      }
    }
    return new ChainHead(0, Hashes.GENESIS);
  }

  /** Where verification starts: the newest checkpoint, else the start of the chain. */
  static ChainHead start(Connection connection, long siteId) throws SQLException {
    try (PreparedStatement last =
        connection.prepareStatement(
            "select seq, hash from consent_ledger_checkpoint where site_id = ?"
                + " order by seq desc limit 1")) {
      last.setLong(1, siteId);
      try (ResultSet row = last.executeQuery()) {
        return row.next()
            ? new ChainHead(row.getLong(1), row.getString(2))
            : new ChainHead(0, Hashes.GENESIS);
      }
    }
  }
}
