package io.consentplatform.api.tenant.access;

import io.consentplatform.api.tenant.access.AccessViews.Me;
import io.consentplatform.api.tenant.access.AccessViews.RoleChange;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.audit.AuditService;
import io.consentplatform.core.audit.AuditView;
import io.consentplatform.core.tenant.ApiKeyService;
import io.consentplatform.core.tenant.ApiKeyView;
import io.consentplatform.core.tenant.CreatedApiKey;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.MemberView;
import io.consentplatform.core.tenant.NewApiKey;
import io.consentplatform.core.tenant.NewMember;
import io.consentplatform.core.tenant.TenantView;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** The caller's tenant itself: who is calling, its members, its API keys, its audit trail. */
@Path("/v1/tenant")
@Authenticated
@Tag(name = "Access")
public class AccessResource {

  private final MemberService members;
  private final ApiKeyService keys;
  private final AuditService audit;
  private final CurrentCaller caller;

  public AccessResource(
      MemberService members, ApiKeyService keys, AuditService audit, CurrentCaller caller) {
    this.members = members;
    this.keys = keys;
    this.audit = audit;
    this.caller = caller;
  }

  @GET
  public Me me() {
    Caller me = caller.get();
    TenantView tenant = members.tenant(me);
    return new Me(tenant.slug(), tenant.name(), me.actor(), me.actorEmail(), me.role());
  }

  @GET
  @Path("/members")
  public List<MemberView> members() {
    return members.list(caller.get());
  }

  @POST
  @Path("/members")
  public RestResponse<MemberView> addMember(@Valid @NotNull NewMember member) {
    MemberView added = members.add(caller.get(), member);
    return ResponseBuilder.<MemberView>created(URI.create("/v1/tenant/members/" + added.id()))
        .entity(added)
        .build();
  }

  @PUT
  @Path("/members/{memberId}")
  public MemberView changeRole(@RestPath long memberId, @Valid @NotNull RoleChange change) {
    return members.changeRole(caller.get(), memberId, change.role());
  }

  @DELETE
  @Path("/members/{memberId}")
  public void removeMember(@RestPath long memberId) {
    members.remove(caller.get(), memberId);
  }

  @GET
  @Path("/api-keys")
  public List<ApiKeyView> apiKeys() {
    return keys.list(caller.get());
  }

  /** A new key; its secret is in this answer and nowhere else, ever. */
  @POST
  @Path("/api-keys")
  public RestResponse<CreatedApiKey> createApiKey(@Valid @NotNull NewApiKey key) {
    CreatedApiKey created = keys.create(caller.get(), key);
    return ResponseBuilder.<CreatedApiKey>created(
            URI.create("/v1/tenant/api-keys/" + created.key().id()))
        .entity(created)
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("/api-keys/{keyId}")
  public void revokeApiKey(@RestPath long keyId) {
    keys.revoke(caller.get(), keyId);
  }

  /** The newest changes first; owners only. */
  @GET
  @Path("/audit")
  public List<AuditView> audit(@RestQuery Integer limit) {
    return audit.newest(caller.get(), limit == null ? 100 : limit);
  }
}
