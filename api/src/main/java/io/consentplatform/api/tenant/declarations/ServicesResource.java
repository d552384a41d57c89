package io.consentplatform.api.tenant.declarations;

import io.consentplatform.api.tenant.Etags;
import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.cookie.CookieService;
import io.consentplatform.core.cookie.ServiceEdit;
import io.consentplatform.core.cookie.ServiceView;
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

/** A site's service providers. */
@Path("/v1/tenant/sites/{siteId}/services")
@Authenticated
@Tag(name = "Services")
public class ServicesResource {

  private final CookieService cookies;
  private final CurrentCaller caller;

  public ServicesResource(CookieService cookies, CurrentCaller caller) {
    this.cookies = cookies;
    this.caller = caller;
  }

  @GET
  public List<ServiceView> list(@RestPath long siteId) {
    return cookies.services(caller.get(), siteId);
  }

  @POST
  public RestResponse<ServiceView> create(@RestPath long siteId, @Valid @NotNull ServiceEdit edit) {
    ServiceView created = cookies.createService(caller.get(), siteId, edit);
    return ResponseBuilder.<ServiceView>created(
            URI.create("/v1/tenant/sites/" + siteId + "/services/" + created.id()))
        .entity(created)
        .header(HttpHeaders.ETAG, Etags.of(created.version()))
        .build();
  }

  @GET
  @Path("/{serviceId}")
  public RestResponse<ServiceView> get(@RestPath long siteId, @RestPath long serviceId) {
    ServiceView service = cookies.service(caller.get(), siteId, serviceId);
    return ResponseBuilder.ok(service)
        .header(HttpHeaders.ETAG, Etags.of(service.version()))
        .build();
  }

  @PUT
  @Path("/{serviceId}")
  public RestResponse<ServiceView> update(
      @RestPath long siteId,
      @RestPath long serviceId,
      @Valid @NotNull ServiceEdit edit,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    ServiceView service =
        cookies.updateService(caller.get(), siteId, serviceId, edit, Etags.expected(ifMatch));
    return ResponseBuilder.ok(service)
        .header(HttpHeaders.ETAG, Etags.of(service.version()))
        .build();
  }

  @DELETE
  @Path("/{serviceId}")
  public void delete(
      @RestPath long siteId,
      @RestPath long serviceId,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    cookies.deleteService(caller.get(), siteId, serviceId, Etags.expected(ifMatch));
  }
}
