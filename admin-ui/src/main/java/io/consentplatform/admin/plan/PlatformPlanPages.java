package io.consentplatform.admin.plan;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.PlanMessages;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.plan.Feature;
import io.consentplatform.core.plan.PlanService;
import io.consentplatform.core.plan.PlanView;
import io.consentplatform.core.usage.UsageExport;
import io.consentplatform.core.usage.UsageRow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The operator console's plans, a tenant's plan, and every tenant's usage in a month. The rules are
 * {@link PlanService}'s, the same as the platform API's.
 */
@Path("/admin/platform")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class PlatformPlanPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance plans(
        List<PlanView> plans, List<String> features, Chrome chrome);

    static native TemplateInstance plan(PlanView plan, List<String> features, Chrome chrome);

    static native TemplateInstance tenantPlan(UsageRow tenant, List<PlanView> plans, Chrome chrome);

    static native TemplateInstance usage(List<UsageRow> rows, String month, Chrome chrome);
  }

  private final PlanService plans;
  private final UsageExport usage;
  private final AdminCaller admin;

  public PlatformPlanPages(PlanService plans, UsageExport usage, AdminCaller admin) {
    this.plans = plans;
    this.usage = usage;
    this.admin = admin;
  }

  @GET
  @Path("/plans")
  public TemplateInstance plans(@RestQuery String done) {
    admin.operator();
    return Templates.plans(plans.list(), features(), Chrome.ofOperator(admin, notice(done)));
  }

  @POST
  @Path("/plans")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @RestForm String code,
      @RestForm String name,
      @RestForm String maxSites,
      @RestForm String maxMembers,
      @RestForm String maxDecisionsPerMonth,
      @RestForm String maxScansPerMonth,
      @RestForm String maxPagesPerScan,
      @RestForm List<String> features) {
    PlanForm form =
        new PlanForm(
            code,
            name,
            maxSites,
            maxMembers,
            maxDecisionsPerMonth,
            maxScansPerMonth,
            maxPagesPerScan,
            features);
    validated(() -> plans.create(admin.operator(), form.edit()));
    return Response.seeOther(URI.create("/admin/platform/plans?done=saved")).build();
  }

  @GET
  @Path("/plans/{code}")
  public TemplateInstance plan(@RestPath String code) {
    admin.operator();
    return Templates.plan(plans.get(code), features(), Chrome.ofOperator(admin, null));
  }

  @POST
  @Path("/plans/{code}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response update(
      @RestPath String code,
      @RestForm String name,
      @RestForm String maxSites,
      @RestForm String maxMembers,
      @RestForm String maxDecisionsPerMonth,
      @RestForm String maxScansPerMonth,
      @RestForm String maxPagesPerScan,
      @RestForm List<String> features) {
    PlanForm form =
        new PlanForm(
            null,
            name,
            maxSites,
            maxMembers,
            maxDecisionsPerMonth,
            maxScansPerMonth,
            maxPagesPerScan,
            features);
    validated(() -> plans.update(admin.operator(), code, form.edit()));
    return Response.seeOther(URI.create("/admin/platform/plans?done=saved")).build();
  }

  @POST
  @Path("/plans/{code}/delete")
  public Response delete(@RestPath String code) {
    plans.delete(admin.operator(), code);
    return Response.seeOther(URI.create("/admin/platform/plans?done=saved")).build();
  }

  @GET
  @Path("/tenants/{tenantId}/plan")
  public TemplateInstance tenantPlan(@RestPath long tenantId, @RestQuery String done) {
    admin.operator();
    return Templates.tenantPlan(
        row(tenantId), plans.list(), Chrome.ofOperator(admin, notice(done)));
  }

  @POST
  @Path("/tenants/{tenantId}/plan")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response assign(@RestPath long tenantId, @RestForm String plan) {
    plans.assign(admin.operator(), tenantId, plan);
    return Response.seeOther(
            URI.create("/admin/platform/tenants/" + tenantId + "/plan?done=assigned"))
        .build();
  }

  @GET
  @Path("/usage")
  public TemplateInstance usage(@RestQuery String month) {
    admin.operator();
    YearMonth chosen = month(month);
    return Templates.usage(usage.rows(chosen), chosen.toString(), Chrome.ofOperator(admin, null));
  }

  /** The same rows as the platform API's CSV. */
  @GET
  @Path("/usage.csv")
  @Produces("text/csv")
  public Response usageCsv(@RestQuery String month) {
    admin.operator();
    YearMonth chosen = month(month);
    return Response.ok(UsageExport.csv(usage.rows(chosen)))
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"usage-" + chosen + ".csv\"")
        .build();
  }

  private UsageRow row(long tenantId) {
    return usage.rows(YearMonth.now(ZoneOffset.UTC)).stream()
        .filter(r -> r.tenantId() == tenantId)
        .findFirst()
        .orElseThrow(() -> new io.consentplatform.core.error.NotFound("Tenant " + tenantId));
  }

  private static YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      return YearMonth.now(ZoneOffset.UTC);
    }
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new Rejected("month", "A month is written YYYY-MM");
    }
  }

  /** Bean Validation of the plan, worded as the other refusals of a form: 422 naming the fields. */
  private static void validated(Runnable change) {
    try {
      change.run();
    } catch (ConstraintViolationException e) {
      throw new Rejected(
          e.getConstraintViolations().stream()
              .map(PlatformPlanPages::describe)
              .sorted()
              .collect(Collectors.joining("; ")),
          List.of());
    }
  }

  private static String describe(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    return path.substring(path.lastIndexOf('.') + 1) + ": " + violation.getMessage();
  }

  private static List<String> features() {
    return Arrays.stream(Feature.values()).map(Feature::code).toList();
  }

  private static String notice(String done) {
    PlanMessages texts =
        MessageBundles.get(
            PlanMessages.class, Localized.Literal.of(AdminLanguage.current().code()));
    if ("saved".equals(done)) {
      return texts.planSaved();
    }
    if ("assigned".equals(done)) {
      return texts.planAssigned();
    }
    return null;
  }
}
