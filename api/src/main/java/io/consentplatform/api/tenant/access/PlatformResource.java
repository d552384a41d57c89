package io.consentplatform.api.tenant.access;

import io.consentplatform.api.tenant.access.AccessViews.NewTenant;
import io.consentplatform.core.access.Actor;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.TenantView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** What only the platform's operators do: create tenants. */
@Path("/v1/platform/tenants")
@RolesAllowed(PlatformResource.OPERATOR)
@Tag(name = "Platform")
public class PlatformResource {

  /**
   * The role of the platform's operators: a client role of the platform's own client at the
   * identity provider ({@code quarkus.oidc.roles.role-claim-path}), never a group name.
   */
  public static final String OPERATOR = "platform-operator";

  private final MemberService members;
  private final SecurityIdentity identity;

  public PlatformResource(MemberService members, SecurityIdentity identity) {
    this.members = members;
    this.identity = identity;
  }

  @POST
  public RestResponse<TenantView> create(@Valid @NotNull NewTenant tenant) {
    TenantView created =
        members.createTenant(
            operator(), tenant.slug(), tenant.name(), tenant.ownerSubject(), tenant.ownerEmail());
    return ResponseBuilder.<TenantView>created(URI.create("/v1/platform/tenants/" + created.id()))
        .entity(created)
        .build();
  }

  /** Only a token carries the role; its issuer-qualified subject starts the tenant's trail. */
  private Actor operator() {
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      return TokenActor.of(token);
    }
    throw new ForbiddenException();
  }
}
