package io.consentplatform.api.tenant.plan;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.usage.TenantUsage;
import io.consentplatform.core.usage.UsageService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's own plan, its limits, and this month's usage. */
@Path("/v1/tenant/plan")
@Authenticated
@Tag(name = "Plan")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

  private final UsageService usage;
  private final CurrentCaller caller;

  public PlanResource(UsageService usage, CurrentCaller caller) {
    this.usage = usage;
    this.caller = caller;
  }

  @GET
  @Operation(
      summary = "The plan, its limits and this month's usage (UTC)",
      description =
          "overQuota names the quotas the tenant is over this month: decisions over"
              + " max-decisions-per-month are recorded all the same.")
  public TenantUsage plan() {
    return usage.ofCaller(caller.get());
  }
}
