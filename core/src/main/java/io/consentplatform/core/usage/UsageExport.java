package io.consentplatform.core.usage;

import io.consentplatform.core.csv.CsvFiles;
import io.consentplatform.core.plan.Plan;
import io.consentplatform.core.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every tenant's usage in a month, with its plan: what operators bill from. */
@ApplicationScoped
public class UsageExport {

  public static final List<String> HEADER =
      List.of(
          "tenant_id",
          "slug",
          "name",
          "plan",
          "month",
          "banner_views",
          "decisions",
          "scans",
          "pages_scanned",
          "over_quota");

  private final UsageReport report;

  public UsageExport(UsageReport report) {
    this.report = report;
  }

  /** One row per tenant, archived ones included (they may have used the platform that month). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UsageRow> rows(YearMonth month) {
    Map<Long, MonthlyUsage> usage = report.forMonth(month);
    Map<String, Plan> plans =
        Plan.<Plan>listAll().stream().collect(Collectors.toMap(p -> p.code, Function.identity()));
    List<UsageRow> rows = new ArrayList<>();
    for (Tenant tenant : Tenant.<Tenant>list("order by id")) {
      MonthlyUsage used = usage.getOrDefault(tenant.id, MonthlyUsage.none(tenant.id, month));
      rows.add(
          new UsageRow(
              tenant.id,
              tenant.slug,
              tenant.name,
              tenant.plan,
              month.toString(),
              used.bannerViews(),
              used.decisions(),
              used.scans(),
              used.pagesScanned(),
              overDecisions(plans.get(tenant.plan), used.decisions())));
    }
    return rows;
  }

  /** The rows as RFC 4180 CSV, with the header; tenants' names never run as formulas. */
  public static String csv(List<UsageRow> rows) {
    StringWriter out = new StringWriter();
    try (CsvFiles.Rows csv = CsvFiles.writer(out)) {
      csv.write(HEADER);
      for (UsageRow row : rows) {
        csv.write(
            List.of(
                row.tenantId(),
                row.slug(),
                row.name(),
                row.plan(),
                row.month(),
                row.bannerViews(),
                row.decisions(),
                row.scans(),
                row.pagesScanned(),
                row.overQuota()));
      }
    }
    return out.toString();
  }

  static boolean overDecisions(Plan plan, long decisions) {
    return plan != null
        && plan.maxDecisionsPerMonth != null
        && decisions > plan.maxDecisionsPerMonth;
  }
}
