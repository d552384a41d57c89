package io.consentplatform.api.tenant.declarations;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.api.web.EntityTags;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.cookie.ProviderEdit;
import io.consentplatform.core.cookie.ProviderView;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** A site's providers. */
@Path("/v1/tenant/sites/{siteId}/providers")
@Authenticated
@Tag(name = "Providers")
public class ProvidersResource {

  private final CookieService cookies;
  private final CurrentCaller caller;

  public ProvidersResource(CookieService cookies, CurrentCaller caller) {
    this.cookies = cookies;
    this.caller = caller;
  }

  @GET
  public List<ProviderView> list(@RestPath SiteRef siteId) {
    return cookies.providers(caller.get(), caller.siteId(siteId));
  }

  @POST
  public RestResponse<ProviderView> create(
      @RestPath SiteRef siteId, @Valid @NotNull ProviderEdit edit) {
    ProviderView created = cookies.createProvider(caller.get(), caller.siteId(siteId), edit);
    return ResponseBuilder.<ProviderView>created(
            URI.create("/v1/tenant/sites/" + siteId + "/providers/" + created.id()))
        .entity(created)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(created.version()))
        .build();
  }

  @GET
  @Path("/{providerId}")
  public RestResponse<ProviderView> get(@RestPath SiteRef siteId, @RestPath long providerId) {
    ProviderView provider = cookies.provider(caller.get(), caller.siteId(siteId), providerId);
    return ResponseBuilder.ok(provider)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(provider.version()))
        .build();
  }

  @PUT
  @Path("/{providerId}")
  public RestResponse<ProviderView> update(
      @RestPath SiteRef siteId,
      @RestPath long providerId,
      @Valid @NotNull ProviderEdit edit,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    ProviderView provider =
        cookies.updateProvider(
            caller.get(),
            caller.siteId(siteId),
            providerId,
            edit,
            EntityTags.expectedVersion(ifMatch));
    return ResponseBuilder.ok(provider)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(provider.version()))
        .build();
  }

  @DELETE
  @Path("/{providerId}")
  public void delete(
      @RestPath SiteRef siteId,
      @RestPath long providerId,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    cookies.deleteProvider(
        caller.get(), caller.siteId(siteId), providerId, EntityTags.expectedVersion(ifMatch));
  }
}
