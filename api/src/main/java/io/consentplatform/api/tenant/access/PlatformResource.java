package io.consentplatform.api.tenant.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.consentplatform.api.tenant.access.AccessViews.NewTenant;
import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.platform.CreatedTenant;
import io.consentplatform.core.platform.TenantLifecycle;
import io.consentplatform.core.platform.TenantSummary;
import io.consentplatform.core.tenant.IssuedLink;
import io.consentplatform.core.tenant.LinkMail;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** What only the platform's operators do with tenants: the directory, creation, their state. */
@Path("/v1/platform/tenants")
@RolesAllowed(PlatformResource.OPERATOR)
@Tag(name = "Platform")
public class PlatformResource {

  /**
   * The role of the platform's operators: a client role of the platform's own client at the
   * identity provider ({@code quarkus.oidc.roles.role-claim-path}), never a group name; the
   * platform's own list and operator keys give it too.
   */
  public static final String OPERATOR = "platform-operator";

  /**
   * A tenant just created; {@code invitation} is there once, when its owner has a local account to
   * set up.
   */
  public record CreatedTenantView(
      @JsonUnwrapped TenantSummary tenant,
      @JsonInclude(JsonInclude.Include.NON_NULL) Invitation invitation) {}

  /**
   * The one-time link that sets the new owner's password, shown in this answer only.
   *
   * @param mail whether it was mailed: SENT, NOT_CONFIGURED or FAILED
   */
  public record Invitation(String email, String url, Instant expiresAt, LinkMail.Outcome mail) {}

  private final TenantLifecycle tenants;
  private final CurrentOperator operator;
  private final LinkMail mail;
  private final CoreConfig config;

  public PlatformResource(
      TenantLifecycle tenants, CurrentOperator operator, LinkMail mail, CoreConfig config) {
    this.tenants = tenants;
    this.operator = operator;
    this.mail = mail;
    this.config = config;
  }

  @GET
  @Operation(summary = "Every tenant with its plan, state, sites, this month's usage and members")
  public List<TenantSummary> directory() {
    return tenants.directory();
  }

  @POST
  @Operation(summary = "Creates a tenant and invites its first owner")
  public RestResponse<CreatedTenantView> create(
      @Valid @NotNull NewTenant tenant, @Context UriInfo uri) {
    CreatedTenant created =
        tenants.create(
            operator.get(),
            tenant.slug(),
            tenant.name(),
            tenant.ownerEmail(),
            tenant.ownerSubject());
    Invitation invitation =
        created.invitation().map(link -> invite(link, created.tenant(), uri)).orElse(null);
    return ResponseBuilder.<CreatedTenantView>created(
            URI.create("/v1/platform/tenants/" + created.tenant().id()))
        .entity(new CreatedTenantView(created.tenant(), invitation))
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("/{id}")
  public TenantSummary tenant(@RestPath long id) {
    return tenants.tenant(id);
  }

  @POST
  @Path("/{id}/suspend")
  @Operation(summary = "Its members may only read; its banners keep serving and recording")
  public TenantSummary suspend(@RestPath long id) {
    return tenants.suspend(operator.get(), id);
  }

  @POST
  @Path("/{id}/reactivate")
  @Operation(summary = "Lets a suspended tenant's members work again; 409 for an archived one")
  public TenantSummary reactivate(@RestPath long id) {
    return tenants.reactivate(operator.get(), id);
  }

  @POST
  @Path("/{id}/archive")
  @Operation(summary = "Closes a tenant: its sites are archived and its banners stop")
  public TenantSummary archive(@RestPath long id) {
    return tenants.archive(operator.get(), id);
  }

  private Invitation invite(IssuedLink link, TenantSummary tenant, UriInfo uri) {
    String base =
        config
            .publicBaseUrl()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElseGet(
                () -> uri.getBaseUri().getScheme() + "://" + uri.getBaseUri().getRawAuthority());
    String url = link.url(base);
    return new Invitation(
        link.email(), url, link.expiresAt(), mail.send(link, url, tenant.name(), "en"));
  }
}
