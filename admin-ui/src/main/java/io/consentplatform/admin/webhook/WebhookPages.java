package io.consentplatform.admin.webhook;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.webhook.CreatedWebhook;
import io.consentplatform.core.webhook.DeliveryView;
import io.consentplatform.core.webhook.WebhookEdit;
import io.consentplatform.core.webhook.WebhookEvents;
import io.consentplatform.core.webhook.WebhookService;
import io.consentplatform.core.webhook.WebhookView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The tenant's webhook endpoints in the back office, for owners: the list and a form to add one,
 * the secret shown once, an endpoint's settings with its delivery history, replays of parked
 * deliveries and a test event. The rules are {@link WebhookService}'s, the same as the API's.
 */
@Path("/admin/webhooks")
@Produces(MediaType.TEXT_HTML)
@HtmlErrors
public class WebhookPages {

  /** How many deliveries an endpoint's page lists. */
  private static final int HISTORY = 100;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        List<WebhookView> endpoints, List<String> events, List<SiteOption> sites, Chrome chrome);

    static native TemplateInstance secret(WebhookView endpoint, String secret, Chrome chrome);

    static native TemplateInstance endpoint(
        WebhookView endpoint,
        List<String> events,
        List<SiteOption> sites,
        List<DeliveryView> deliveries,
        String status,
        Chrome chrome);
  }

  /** A site as the forms offer it, ticked when the endpoint covers it. */
  public record SiteOption(long id, String name, boolean chosen) {}

  private final WebhookService webhooks;
  private final SiteService sites;
  private final AdminCaller admin;

  public WebhookPages(WebhookService webhooks, SiteService sites, AdminCaller admin) {
    this.webhooks = webhooks;
    this.sites = sites;
    this.admin = admin;
  }

  @GET
  public TemplateInstance list() {
    Caller caller = admin.get();
    return Templates.list(
        webhooks.list(caller),
        WebhookEvents.ALL,
        siteOptions(caller, List.of()),
        Chrome.of(caller, admin, null));
  }

  /** Registers an endpoint and shows its secret on this answer only. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @RestForm String url,
      @RestForm String description,
      @RestForm List<String> events,
      @RestForm List<Long> siteIds) {
    Caller caller = admin.get();
    CreatedWebhook created =
        webhooks.create(caller, new WebhookEdit(url, description, events, siteIds, true));
    return secretPage(caller, created);
  }

  @GET
  @Path("/{endpointId}")
  public TemplateInstance endpoint(@RestPath long endpointId, @RestQuery String status) {
    Caller caller = admin.get();
    WebhookView endpoint = webhooks.get(caller, endpointId);
    String shown = "PARKED".equals(status) ? status : null;
    return Templates.endpoint(
        endpoint,
        WebhookEvents.ALL,
        siteOptions(caller, endpoint.siteIds()),
        webhooks.deliveries(caller, endpointId, shown, HISTORY),
        shown,
        Chrome.of(caller, admin, null));
  }

  @POST
  @Path("/{endpointId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response update(
      @RestPath long endpointId,
      @RestForm String url,
      @RestForm String description,
      @RestForm List<String> events,
      @RestForm List<Long> siteIds,
      @RestForm String enabled) {
    webhooks.update(
        admin.get(),
        endpointId,
        new WebhookEdit(url, description, events, siteIds, "on".equals(enabled)));
    return back(endpointId);
  }

  @POST
  @Path("/{endpointId}/delete")
  public Response delete(@RestPath long endpointId) {
    webhooks.delete(admin.get(), endpointId);
    return Response.seeOther(URI.create("/admin/webhooks")).build();
  }

  @POST
  @Path("/{endpointId}/secret")
  public Response rotateSecret(@RestPath long endpointId) {
    Caller caller = admin.get();
    return secretPage(caller, webhooks.rotateSecret(caller, endpointId));
  }

  @POST
  @Path("/{endpointId}/test")
  public Response sendTest(@RestPath long endpointId) {
    webhooks.sendTest(admin.get(), endpointId);
    return back(endpointId);
  }

  @POST
  @Path("/{endpointId}/deliveries/{deliveryId}/replay")
  public Response replay(@RestPath long endpointId, @RestPath long deliveryId) {
    webhooks.replay(admin.get(), endpointId, deliveryId);
    return back(endpointId);
  }

  private Response secretPage(Caller caller, CreatedWebhook created) {
    return Response.ok(
            Templates.secret(created.endpoint(), created.secret(), Chrome.of(caller, admin, null)))
        .header("Cache-Control", "no-store")
        .build();
  }

  private static Response back(long endpointId) {
    return Response.seeOther(URI.create("/admin/webhooks/" + endpointId)).build();
  }

  private List<SiteOption> siteOptions(Caller caller, List<Long> chosen) {
    List<SiteOption> options = new ArrayList<>();
    sites
        .list(caller)
        .forEach(s -> options.add(new SiteOption(s.id(), s.name(), chosen.contains(s.id()))));
    return options;
  }
}
