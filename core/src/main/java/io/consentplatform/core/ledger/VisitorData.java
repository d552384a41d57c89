package io.consentplatform.core.ledger;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A visitor's rights over their data, exercised by the tenant: every record kept under their
 * visitor id, and its erasure. Erased records leave their ledger entries (digests, nothing
 * readable), hence their leaves in the site's tree, and a line saying they were erased, so that the
 * tree still verifies and every other record's proof still holds.
 */
@ApplicationScoped
@TenantScoped
public class VisitorData {

  /**
   * One of the visitor's records, as the export gives it; action, method and experience as stored
   * ({@code OPT_OUT}), region as a code ({@code US-CA}) or null when unknown.
   */
  public record Entry(
      UUID consentId,
      int policyVersion,
      String action,
      String method,
      String choices,
      String language,
      boolean gpc,
      OffsetDateTime recordedAt,
      String userAgentFamily,
      String ipTruncated,
      String region,
      String experience) {}

  /** What an erasure did. */
  public record Erasure(UUID visitorId, int erased, Instant erasedAt) {}

  private final DataSource dataSource;
  private final Audit audit;
  private final LedgerSealer sealer;

  public VisitorData(DataSource dataSource, Audit audit, LedgerSealer sealer) {
    this.dataSource = dataSource;
    this.audit = audit;
    this.sealer = sealer;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Entry> export(Caller caller, long siteId, UUID visitorId) {
    caller.require(Role.VIEWER);
    TenantScope.site(caller, siteId);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select r.id, v.number, r.action, r.method, r.choices::text, r.language, r.gpc,"
                    + " r.recorded_at, r.user_agent_family, r.ip_truncated, r.region, r.experience"
                    + " from consent_record r join policy_version v on v.id = r.policy_version_id"
                    + " where r.site_id = ? and r.visitor_id = ? order by r.recorded_at")) {
      query.setLong(1, siteId);
      query.setObject(2, visitorId);
      List<Entry> entries = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          entries.add(
              new Entry(
                  row.getObject(1, UUID.class),
                  row.getInt(2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getString(6),
                  row.getBoolean(7),
                  row.getObject(8, OffsetDateTime.class),
                  row.getString(9),
                  row.getString(10),
                  row.getString(11),
                  row.getString(12)));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("Exporting a visitor's records failed", e);
    }
  }

  /**
   * Erases every record of the visitor on the site, in one transaction with the audit entry that
   * records the erasure.
   */
  @Transactional
  public Erasure erase(Caller caller, long siteId, UUID visitorId) {
    caller.require(Role.OWNER);
    TenantScope.site(caller, siteId);
    Instant now = Instant.now();
    String visitorHash = Hashes.sha256("visitor:" + visitorId);
    int erased;
    // The connection takes part in the transaction: everything below commits or rolls back at once.
    try (Connection connection = dataSource.getConnection()) {
      // Their records must be in the chain before they go: the entries are what stays.
      sealer.sealEverything(connection, siteId);
      // The application's role may not delete proof: a function owned by the schema's owner does
      // exactly this (migration V19), marking the records erased and deleting them.
      try (PreparedStatement erase =
          connection.prepareStatement("select consent_erase_visitor(?, ?, ?, ?)")) {
        erase.setLong(1, siteId);
        erase.setObject(2, visitorId);
        erase.setString(3, visitorHash);
        erase.setString(4, caller.actor());
        try (ResultSet row = erase.executeQuery()) {
          row.next();
          erased = row.getInt(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Erasing a visitor's records failed", e);
    }
    // The audit trail names the erasure, not the visitor: only a hash of their id.
    audit.record(
        caller,
        "erase",
        "visitor",
        siteId,
        null,
        Map.of("visitorHash", visitorHash, "records", erased));
    return new Erasure(visitorId, erased, now);
  }
}
