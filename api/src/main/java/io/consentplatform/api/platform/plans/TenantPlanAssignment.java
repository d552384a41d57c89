package io.consentplatform.api.platform.plans;

import io.consentplatform.api.tenant.access.CurrentOperator;
import io.consentplatform.api.tenant.access.PlatformResource;
import io.consentplatform.core.plan.PlanService;
import io.consentplatform.core.plan.PlanView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Gives a tenant a plan; the tenant's audit trail records it. */
@Path("/v1/platform/tenants/{tenantId}/plan")
@RolesAllowed(PlatformResource.OPERATOR)
@Tag(name = "Platform")
@Produces(MediaType.APPLICATION_JSON)
public class TenantPlanAssignment {

  /** The plan to give, by code. */
  public record PlanChoice(@NotBlank String plan) {}

  private final PlanService plans;
  private final CurrentOperator operator;

  public TenantPlanAssignment(PlanService plans, CurrentOperator operator) {
    this.plans = plans;
    this.operator = operator;
  }

  @PUT
  @Operation(summary = "Give a tenant a plan; limits apply to what it does next")
  public PlanView assign(@RestPath long tenantId, @Valid @NotNull PlanChoice choice) {
    return plans.assign(operator.get(), tenantId, choice.plan());
  }
}
