package io.consentplatform.api.tenant.access;

import io.consentplatform.api.tenant.access.AccessViews.ApiKeyView;
import io.consentplatform.api.tenant.access.AccessViews.AuditView;
import io.consentplatform.api.tenant.access.AccessViews.CreatedApiKey;
import io.consentplatform.api.tenant.access.AccessViews.Me;
import io.consentplatform.api.tenant.access.AccessViews.MemberView;
import io.consentplatform.api.tenant.access.AccessViews.NewApiKey;
import io.consentplatform.api.tenant.access.AccessViews.NewMember;
import io.consentplatform.api.tenant.access.AccessViews.RoleChange;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.audit.AuditEntry;
import io.consentplatform.core.tenant.ApiKeyService;
import io.consentplatform.core.tenant.MemberService;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.Tenant;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
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
  private final CurrentCaller caller;

  public AccessResource(MemberService members, ApiKeyService keys, CurrentCaller caller) {
    this.members = members;
    this.keys = keys;
    this.caller = caller;
  }

  @GET
  @Transactional(Transactional.TxType.SUPPORTS)
  public Me me() {
    Caller me = caller.get();
    Tenant tenant = Tenant.findById(me.tenantId());
    return new Me(tenant.slug, tenant.name, me.actor(), me.role());
  }

  @GET
  @Path("/members")
  public List<MemberView> members() {
    return members.list(caller.get()).stream().map(MemberView::of).toList();
  }

  @POST
  @Path("/members")
  public RestResponse<MemberView> addMember(@Valid @NotNull NewMember member) {
    MemberView added =
        MemberView.of(members.add(caller.get(), member.subject(), member.email(), member.role()));
    return ResponseBuilder.<MemberView>created(URI.create("/v1/tenant/members/" + added.id()))
        .entity(added)
        .build();
  }

  @PUT
  @Path("/members/{memberId}")
  public MemberView changeRole(@RestPath long memberId, @Valid @NotNull RoleChange change) {
    return MemberView.of(members.changeRole(caller.get(), memberId, change.role()));
  }

  @DELETE
  @Path("/members/{memberId}")
  public void removeMember(@RestPath long memberId) {
    members.remove(caller.get(), memberId);
  }

  @GET
  @Path("/api-keys")
  public List<ApiKeyView> apiKeys() {
    return keys.list(caller.get()).stream().map(ApiKeyView::of).toList();
  }

  /** A new key; its secret is in this answer and nowhere else, ever. */
  @POST
  @Path("/api-keys")
  public RestResponse<CreatedApiKey> createApiKey(@Valid @NotNull NewApiKey key) {
    ApiKeyService.CreatedKey created = keys.create(caller.get(), key.name(), key.role());
    return ResponseBuilder.<CreatedApiKey>created(
            URI.create("/v1/tenant/api-keys/" + created.key().id))
        .entity(new CreatedApiKey(ApiKeyView.of(created.key()), created.secret()))
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
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AuditView> audit(@RestQuery Integer limit) {
    Caller me = caller.get();
    me.require(Role.OWNER);
    int size = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
    return AuditEntry.listForTenant(me.tenantId(), size).stream().map(AuditView::of).toList();
  }
}
