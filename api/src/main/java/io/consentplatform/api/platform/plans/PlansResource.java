package io.consentplatform.api.platform.plans;

import io.consentplatform.api.tenant.access.CurrentOperator;
import io.consentplatform.api.tenant.access.PlatformResource;
import io.consentplatform.core.plan.PlanEdit;
import io.consentplatform.core.plan.PlanService;
import io.consentplatform.core.plan.PlanView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** The platform's plans: what tenants may use. Plans of the configuration are read-only here. */
@Path("/v1/platform/plans")
@RolesAllowed(PlatformResource.OPERATOR)
@Tag(name = "Platform")
@Produces(MediaType.APPLICATION_JSON)
public class PlansResource {

  private final PlanService plans;
  private final CurrentOperator operator;

  public PlansResource(PlanService plans, CurrentOperator operator) {
    this.plans = plans;
    this.operator = operator;
  }

  @GET
  @Operation(summary = "Every plan, with how many tenants have it")
  public List<PlanView> list() {
    return plans.list();
  }

  @POST
  @Operation(summary = "Define a plan; a null limit is no limit")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "409", description = "A plan with this code exists")
  public RestResponse<PlanView> create(@Valid @NotNull PlanEdit edit) {
    PlanView created = plans.create(operator.get(), edit);
    return ResponseBuilder.<PlanView>created(URI.create("/v1/platform/plans/" + created.code()))
        .entity(created)
        .build();
  }

  @GET
  @Path("/{code}")
  public PlanView get(@RestPath String code) {
    return plans.get(code);
  }

  @PUT
  @Path("/{code}")
  @Operation(summary = "Change a plan's name, limits and features")
  @APIResponse(responseCode = "409", description = "The plan is defined in the configuration")
  public PlanView update(@RestPath String code, @Valid @NotNull PlanEdit edit) {
    return plans.update(operator.get(), code, edit);
  }

  @DELETE
  @Path("/{code}")
  @Operation(summary = "Remove a plan no tenant has")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "409",
      description = "Tenants have it, new tenants get it, or the configuration defines it")
  public void delete(@RestPath String code) {
    plans.delete(operator.get(), code);
  }
}
