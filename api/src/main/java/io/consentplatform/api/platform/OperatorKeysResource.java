package io.consentplatform.api.platform;

import io.consentplatform.api.tenant.access.CurrentOperator;
import io.consentplatform.api.tenant.access.PlatformResource;
import io.consentplatform.core.platform.CreatedPlatformKey;
import io.consentplatform.core.platform.PlatformKeyView;
import io.consentplatform.core.platform.PlatformKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** Operators' API keys ({@code cpo_...}): the platform API without an identity provider. */
@Path("/v1/platform/api-keys")
@RolesAllowed(PlatformResource.OPERATOR)
@Tag(name = "Platform")
public class OperatorKeysResource {

  public record NewOperatorKey(@NotBlank @Size(max = 100) String name) {}

  private final PlatformKeys keys;
  private final CurrentOperator operator;

  public OperatorKeysResource(PlatformKeys keys, CurrentOperator operator) {
    this.keys = keys;
    this.operator = operator;
  }

  @GET
  public List<PlatformKeyView> list() {
    return keys.list();
  }

  /** A new key; its secret is in this answer and nowhere else, ever. */
  @POST
  @Operation(summary = "Creates an operator key; its secret is shown once")
  public RestResponse<CreatedPlatformKey> create(@Valid @NotNull NewOperatorKey key) {
    CreatedPlatformKey created = keys.create(operator.get(), key.name());
    return ResponseBuilder.<CreatedPlatformKey>created(
            URI.create("/v1/platform/api-keys/" + created.key().id()))
        .entity(created)
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("/{id}")
  public void revoke(@RestPath long id) {
    keys.revoke(operator.get(), id);
  }
}
