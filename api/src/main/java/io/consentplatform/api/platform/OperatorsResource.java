package io.consentplatform.api.platform;

import io.consentplatform.api.tenant.access.CurrentOperator;
import io.consentplatform.api.tenant.access.PlatformResource;
import io.consentplatform.core.platform.OperatorView;
import io.consentplatform.core.platform.PlatformOperators;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.Status;

/** The platform's own list of operators, besides the identity provider's role. */
@Path("/v1/platform/operators")
@RolesAllowed(PlatformResource.OPERATOR)
@Tag(name = "Platform")
public class OperatorsResource {

  /**
   * Someone to make an operator: a local account by {@code email} alone, or an identity provider's
   * {@code issuer} and {@code subject} (then {@code email} is only shown).
   */
  public record NewOperator(
      @Email @Size(max = 320) String email,
      @Size(max = 300) String issuer,
      @Size(max = 255) String subject) {}

  private final PlatformOperators operators;
  private final CurrentOperator operator;

  public OperatorsResource(PlatformOperators operators, CurrentOperator operator) {
    this.operators = operators;
    this.operator = operator;
  }

  @GET
  public List<OperatorView> list() {
    return operators.all();
  }

  @POST
  @Operation(summary = "Makes a local account or an identity provider's subject an operator")
  public RestResponse<OperatorView> add(@Valid @NotNull NewOperator person) {
    boolean fromProvider = person.issuer() != null || person.subject() != null;
    OperatorView added =
        fromProvider
            ? operators.addFromIdentityProvider(
                operator.get(), person.issuer(), person.subject(), person.email())
            : operators.addLocal(operator.get(), person.email());
    return RestResponse.status(Status.CREATED, added);
  }

  /** {@code subject} URL-encoded, as the list gives it ({@code local:...}, {@code issuer#sub}). */
  @DELETE
  @Path("/{subject: .+}")
  @Operation(summary = "Takes someone off the list; 409 for the last one")
  public void remove(@RestPath String subject) {
    operators.remove(operator.get(), subject);
  }
}
