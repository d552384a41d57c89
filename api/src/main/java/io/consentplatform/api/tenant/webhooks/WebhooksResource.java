package io.consentplatform.api.tenant.webhooks;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.webhook.CreatedWebhook;
import io.consentplatform.core.webhook.DeliveryView;
import io.consentplatform.core.webhook.WebhookEdit;
import io.consentplatform.core.webhook.WebhookService;
import io.consentplatform.core.webhook.WebhookView;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** The tenant's webhook endpoints, their delivery history and replays; owners only. */
@Path("/v1/tenant/webhooks")
@Authenticated
@Tag(name = "Webhooks")
public class WebhooksResource {

  private final WebhookService webhooks;
  private final CurrentCaller caller;

  public WebhooksResource(WebhookService webhooks, CurrentCaller caller) {
    this.webhooks = webhooks;
    this.caller = caller;
  }

  @GET
  public List<WebhookView> list() {
    return webhooks.list(caller.get());
  }

  @POST
  @Operation(
      summary = "Register an endpoint",
      description =
          "The URL must be HTTPS and resolve to a public address. The answer holds the signing"
              + " secret (whsec_...), shown this once only.")
  @APIResponse(responseCode = "201", description = "Registered; the secret is in this answer only")
  @APIResponse(responseCode = "422", description = "A field is wrong; the problem names it")
  public RestResponse<CreatedWebhook> create(@Valid @NotNull WebhookEdit edit) {
    CreatedWebhook created = webhooks.create(caller.get(), edit);
    return ResponseBuilder.<CreatedWebhook>created(
            URI.create("/v1/tenant/webhooks/" + created.endpoint().id()))
        .entity(created)
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("/{endpointId}")
  public WebhookView get(@RestPath long endpointId) {
    return webhooks.get(caller.get(), endpointId);
  }

  @PUT
  @Path("/{endpointId}")
  @Operation(
      summary = "Change an endpoint",
      description = "Enabling it again, or changing its events or sites, starts from now.")
  public WebhookView update(@RestPath long endpointId, @Valid @NotNull WebhookEdit edit) {
    return webhooks.update(caller.get(), endpointId, edit);
  }

  @DELETE
  @Path("/{endpointId}")
  public void delete(@RestPath long endpointId) {
    webhooks.delete(caller.get(), endpointId);
  }

  @POST
  @Path("/{endpointId}/secret")
  @Operation(
      summary = "Replace the signing secret",
      description = "Deliveries are signed with the new secret from now on; shown this once only.")
  public RestResponse<CreatedWebhook> rotateSecret(@RestPath long endpointId) {
    return ResponseBuilder.ok(webhooks.rotateSecret(caller.get(), endpointId))
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("/{endpointId}/deliveries")
  @Operation(summary = "The endpoint's deliveries, newest first")
  public List<DeliveryView> deliveries(
      @RestPath long endpointId,
      @RestQuery String status,
      @RestQuery @DefaultValue("50") int limit) {
    return webhooks.deliveries(caller.get(), endpointId, status, limit);
  }

  @POST
  @Path("/{endpointId}/deliveries/{deliveryId}/replay")
  @Operation(summary = "Send a parked delivery again, with a fresh schedule of retries")
  @APIResponse(responseCode = "202", description = "Queued again")
  @APIResponse(responseCode = "409", description = "The delivery is not parked")
  public RestResponse<Void> replay(@RestPath long endpointId, @RestPath long deliveryId) {
    webhooks.replay(caller.get(), endpointId, deliveryId);
    return RestResponse.accepted();
  }

  @POST
  @Path("/{endpointId}/test")
  @Operation(summary = "Queue a webhook.test event for this endpoint")
  @APIResponse(responseCode = "202", description = "Queued")
  public RestResponse<Void> sendTest(@RestPath long endpointId) {
    webhooks.sendTest(caller.get(), endpointId);
    return RestResponse.accepted();
  }
}
