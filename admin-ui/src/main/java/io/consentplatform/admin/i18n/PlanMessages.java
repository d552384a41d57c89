package io.consentplatform.admin.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of plans, quotas and usage: the tenant's plan page, the console's plans and usage
 * pages, and the refusal of a plan's limit; used as {@code {planMsg:key}}, worded in {@code
 * messages/planMsg_<language>.properties}.
 */
@MessageBundle(value = "planMsg", locale = "en")
public interface PlanMessages {
  String navPlan();

  String title();

  String intro(String name);

  String columnLimit();

  String columnAllowed();

  String columnUsed();

  String noLimit();

  String maxSites();

  String maxMembers();

  String maxDecisions();

  String maxScans();

  String maxPages();

  String features();

  String featureScanner();

  String featureWebhooks();

  String included();

  String notIncluded();

  String bannerViews();

  String pagesScanned();

  String overQuotaNotice();

  String limitReachedTitle();

  String limitReachedDetail(String limit, String plan);

  String plansTitle();

  String plansIntro();

  String columnCode();

  String columnName();

  String columnTenants();

  String columnSource();

  String fromConfiguration();

  String fromConsole();

  String configurationReadOnly();

  String addTitle();

  String editTitle(String code);

  String fieldCode();

  String fieldName();

  String limitHint();

  String add();

  String save();

  String delete();

  String tenantPlanTitle(String tenant);

  String tenantPlanIntro();

  String fieldPlan();

  String assign();

  String usageTitle();

  String usageIntro();

  String fieldMonth();

  String show();

  String downloadCsv();

  String columnTenant();

  String columnPlan();

  String columnOverQuota();

  String overQuota();

  String withinPlan();

  String noTenant();

  String tenantsLink();

  String plansLink();

  String usageLink();

  String planSaved();

  String planAssigned();
}
