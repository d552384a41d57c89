package io.consentplatform.core.access;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Confines a transaction to one tenant in the database: it takes the role {@code consent_tenant},
 * whose row-level security policies (migration V6) show and accept only the rows of the tenant
 * named in {@code consent.tenant_id}. Both settings are local to the transaction and end with it,
 * so a pooled connection never carries them into the next one.
 *
 * <p>Every operation of a tenant (management API, back office) goes through a {@link TenantScoped}
 * service with a {@link Caller} and is confined. The work that spans tenants by design runs under
 * the platform's own role, which owns the tables and is not subject to the policies; these are the
 * only paths that do:
 *
 * <ul>
 *   <li>visitors' requests, which find their site by its public key: the banner and its in-memory
 *       cache ({@code CurrentPolicies}), the declared domains ({@code DeclaredDomains}), the
 *       consent writer ({@code ConsentWriter}, whose batches mix sites), refused origins ({@code
 *       RefusedOrigins}), receipts and statuses, the public policy page;
 *   <li>the ledger: sealing ({@code LedgerSealer}) and retention ({@code Retention}) across sites;
 *   <li>scans: the shared queue ({@code ScanQueue}: claims, heartbeats, reports, scheduled scans of
 *       every tenant's sites) and the worker that reads the scanned site and its declarations
 *       ({@code ScanWorker});
 *   <li>webhooks: the shared delivery queue ({@code DeliveryQueue}: claims and outcomes of every
 *       tenant's deliveries) and the decision feed that reads every site's ledger ({@code
 *       DecisionFeed}), with the events queued by the sealer and the scan queue;
 *   <li>signing in: finding a person's memberships in every tenant ({@code
 *       MemberService.callerFor}, {@code memberships}), API keys by their hash, local accounts;
 *   <li>start-up: migrations, the demo tenant, the first owner, the configured plans;
 *   <li>the platform's own work ({@code core/platform}, {@code core/plan}, {@code core/usage}):
 *       operators and their keys, creating, suspending and archiving tenants, plans, the usage of
 *       every tenant ({@code UsageReport}), decision metering ({@code DecisionMeter}) and quota
 *       notices; a tenant's own plan checks ({@code Quotas}) and usage run confined;
 *   <li>sign-up ({@code core/signup}): requests and their confirmation, before any tenant exists.
 * </ul>
 */
public final class TenantIsolation {

  /** The database role whose policies confine it to one tenant. */
  static final String ROLE = "consent_tenant";

  private TenantIsolation() {}

  /** Confines the current transaction of {@code entityManager} to {@code tenantId}. */
  public static void confine(EntityManager entityManager, long tenantId) {
    entityManager
        .createNativeQuery(
            "select set_config('role', '"
                + ROLE
                + "', true),"
                + " set_config('consent.tenant_id', cast(?1 as text), true)")
        .setParameter(1, tenantId)
        .getSingleResult();
  }

  /**
   * Confines the open transaction of a plain JDBC connection to {@code tenantId}: for reads that
   * stream through a cursor for longer than a managed transaction should last (a tenant's export).
   * The connection must not be in auto-commit, or the settings would end with the statement.
   */
  public static void confine(Connection connection, long tenantId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select set_config('role', '"
                + ROLE
                + "', true), set_config('consent.tenant_id', cast(? as text), true)")) {
      statement.setLong(1, tenantId);
      statement.executeQuery().close();
    }
  }
}
