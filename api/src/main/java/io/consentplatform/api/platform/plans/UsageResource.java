package io.consentplatform.api.platform.plans;

import io.consentplatform.api.tenant.access.PlatformResource;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.usage.UsageExport;
import io.consentplatform.core.usage.UsageRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Every tenant's usage in a month, for billing: CSV by default, JSON when asked for. {@code
 * over_quota} flags a tenant over its plan's decisions, which were recorded all the same.
 */
@Path("/v1/platform/usage")
@RolesAllowed(PlatformResource.OPERATOR)
@Tag(name = "Platform")
public class UsageResource {

  private final UsageExport usage;

  public UsageResource(UsageExport usage) {
    this.usage = usage;
  }

  @GET
  @Produces("text/csv")
  @Operation(summary = "A month's usage per tenant (UTC; month=YYYY-MM, this month by default)")
  public RestResponse<String> csv(@RestQuery String month) {
    YearMonth chosen = month(month);
    return RestResponse.ResponseBuilder.ok(UsageExport.csv(usage.rows(chosen)))
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"usage-" + chosen + ".csv\"")
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<UsageRow> json(@RestQuery String month) {
    return usage.rows(month(month));
  }

  static YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      return YearMonth.now(ZoneOffset.UTC);
    }
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new Rejected("month", "A month is written YYYY-MM");
    }
  }
}
