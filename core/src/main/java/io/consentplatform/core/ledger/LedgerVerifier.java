package io.consentplatform.core.ledger;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Walks a site's hash chain and recomputes every link from the records as they are now: a record
 * changed, removed or slipped in, or an entry changed, shows as the first broken link.
 */
@ApplicationScoped
@TenantScoped
public class LedgerVerifier {

  /**
   * The outcome of a walk: {@code intact} when every link holds, else {@code broken} names the
   * first that does not.
   */
  public record Verification(
      long siteId,
      boolean intact,
      long entries,
      long erased,
      long pending,
      Long fromCheckpoint,
      String headHash,
      BrokenLink broken) {}

  /** The first link that does not hold, and why. */
  public record BrokenLink(long seq, UUID recordId, String problem) {}

  private final DataSource dataSource;

  public LedgerVerifier(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Transactional
  public Verification verify(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    TenantScope.site(caller, siteId);
    // The connection takes part in the transaction, which the cursor (fetch size) needs: the chain
    // of a big site is never held in memory.
    try (Connection connection = dataSource.getConnection()) {
      return walk(connection, siteId);
    } catch (SQLException e) {
      throw new IllegalStateException("Verifying the ledger of site " + siteId + " failed", e);
    }
  }

  private static Verification walk(Connection connection, long siteId) throws SQLException {
    ChainHead start = ChainHead.start(connection, siteId);
    long expectedSeq = start.seq();
    String expectedPrevious = start.hash();
    long entries = 0;
    long erased = 0;
    BrokenLink broken = null;
    try (PreparedStatement chain =
        connection.prepareStatement(
            "select l.seq, l.record_id, l.record_digest, l.prev_hash, l.hash,"
                + " e.record_id is not null, r.id is not null, "
                + RecordDigest.COLUMNS
                + " from consent_ledger l"
                + " left join consent_record r on r.id = l.record_id"
                + " left join policy_version v on v.id = r.policy_version_id"
                + " left join consent_erasure e on e.record_id = l.record_id"
                + " where l.site_id = ? and l.seq > ? order by l.seq")) {
      chain.setFetchSize(1000);
      chain.setLong(1, siteId);
      chain.setLong(2, start.seq());
      try (ResultSet row = chain.executeQuery()) {
        while (broken == null && row.next()) {
          long seq = row.getLong(1);
          UUID recordId = row.getObject(2, UUID.class);
          String digest = row.getString(3);
          String previous = row.getString(4);
          String hash = row.getString(5);
          boolean wasErased = row.getBoolean(6);
          boolean present = row.getBoolean(7);
          expectedSeq++;
          if (seq != expectedSeq) {
            broken = new BrokenLink(expectedSeq, null, "entry " + expectedSeq + " is missing");
          } else if (!previous.equals(expectedPrevious)) {
            broken = new BrokenLink(seq, recordId, "the entry does not follow the one before");
          } else if (!hash.equals(Hashes.link(previous, digest))) {
            broken = new BrokenLink(seq, recordId, "the entry was altered");
          } else if (present && !digest.equals(RecordDigest.of(row, 8))) {
            broken = new BrokenLink(seq, recordId, "the record was altered");
          } else if (!present && !wasErased) {
            broken = new BrokenLink(seq, recordId, "the record is missing");
          }
          if (!present && wasErased) {
            erased++;
          }
          expectedPrevious = hash;
          entries++;
        }
      }
    }
    if (broken == null) {
      broken = unsealedOutsideTheQueue(connection, siteId);
    }
    return new Verification(
        siteId,
        broken == null,
        entries,
        erased,
        pending(connection, siteId),
        start.seq() > 0 ? start.seq() : null,
        expectedPrevious,
        broken);
  }

  /** A record that is neither sealed nor queued was slipped in around the application. */
  private static BrokenLink unsealedOutsideTheQueue(Connection connection, long siteId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select r.id from consent_record r"
                + " where r.site_id = ?"
                + " and not exists (select 1 from consent_ledger l where l.record_id = r.id)"
                + " and not exists (select 1 from consent_ledger_pending p where p.record_id = r.id)"
                + " limit 1")) {
      query.setLong(1, siteId);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? new BrokenLink(0, row.getObject(1, UUID.class), "a record is outside the chain")
            : null;
      }
    }
  }

  private static long pending(Connection connection, long siteId) throws SQLException {
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
