package io.consentplatform.core.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what tenants used per month, from the counters the platform keeps: banner impressions per
 * site and day, decisions per site and day ({@code usage_day}), and the scans themselves. It spans
 * tenants (the console, billing), so it runs under the platform's own role; a tenant's own figures
 * are {@link #of}.
 */
@ApplicationScoped
public class UsageReport {

  private static final String QUERY =
      "select t.id,"
          + " coalesce((select sum(i.shown) from banner_impression i join site s on s.id = i.site_id"
          + "   where s.tenant_id = t.id and i.day >= ?1 and i.day < ?2), 0),"
          + " coalesce((select sum(u.decisions) from usage_day u join site s on s.id = u.site_id"
          + "   where s.tenant_id = t.id and u.day >= ?1 and u.day < ?2), 0),"
          + " (select count(*) from scan c"
          + "   where c.tenant_id = t.id and c.created_at >= ?3 and c.created_at < ?4),"
          + " coalesce((select sum(c.pages_visited) from scan c"
          + "   where c.tenant_id = t.id and c.created_at >= ?3 and c.created_at < ?4), 0)"
          + " from tenant t";

  private final EntityManager entityManager;

  public UsageReport(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Every tenant's usage in {@code month}, by tenant id, in tenant id order. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Map<Long, MonthlyUsage> forMonth(YearMonth month) {
    return read(month, QUERY + " order by t.id", null);
  }

  /** One tenant's usage in {@code month}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public MonthlyUsage of(long tenantId, YearMonth month) {
    return read(month, QUERY + " where t.id = ?5", tenantId)
        .getOrDefault(tenantId, MonthlyUsage.none(tenantId, month));
  }

  private Map<Long, MonthlyUsage> read(YearMonth month, String sql, Long tenantId) {
    LocalDate first = month.atDay(1);
    LocalDate next = month.plusMonths(1).atDay(1);
    var query =
        entityManager
            .createNativeQuery(sql)
            .setParameter(1, Date.valueOf(first))
            .setParameter(2, Date.valueOf(next))
            .setParameter(3, Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
            .setParameter(4, Timestamp.from(next.atStartOfDay(ZoneOffset.UTC).toInstant()));
    if (tenantId != null) {
      query.setParameter(5, tenantId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    Map<Long, MonthlyUsage> usage = new LinkedHashMap<>();
    for (Object[] row : rows) {
      long id = ((Number) row[0]).longValue();
      usage.put(
          id,
          new MonthlyUsage(
              id,
              month,
              ((Number) row[1]).longValue(),
              ((Number) row[2]).longValue(),
              ((Number) row[3]).longValue(),
              ((Number) row[4]).longValue()));
    }
    return usage;
  }
}
