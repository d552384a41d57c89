package io.consentplatform.api.tenant.versions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.policy.PolicyDiff;
import io.consentplatform.core.policy.VersionService;
import io.consentplatform.core.policy.VersionView;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** A site's policy versions: the draft, publication, the published ones and their differences. */
@Path("/v1/tenant/sites/{siteId}/versions")
@Authenticated
@Tag(name = "Policy versions")
public class VersionsResource {

  private final VersionService versions;
  private final CurrentCaller caller;
  private final ObjectMapper json;

  public VersionsResource(VersionService versions, CurrentCaller caller, ObjectMapper json) {
    this.versions = versions;
    this.caller = caller;
    this.json = json;
  }

  @GET
  public List<VersionView> list(@RestPath SiteRef siteId) {
    return versions.list(caller.get(), caller.siteId(siteId));
  }

  /**
   * What would be published now; {@code changedSinceLatest} says whether publishing is worth it.
   */
  @GET
  @Path("/draft")
  public VersionService.Draft draft(@RestPath SiteRef siteId) {
    return versions.draft(caller.get(), caller.siteId(siteId));
  }

  /**
   * Publishes the draft as the next version. Visitors are asked again only when the draft changes
   * what they agree to ({@code materialChanges} of the draft), or when the body says {@code
   * forceReconsent}; the answer's {@code reconsent} tells which happened.
   */
  @POST
  public RestResponse<VersionView> publish(
      @RestPath SiteRef siteId,
      @RequestBody(
              required = false,
              description = "Optional: without a body, visitors are asked again only if needed",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = PublishRequest.class)))
          byte[] body) {
    boolean force = PublishRequest.read(body, json).forceReconsent();
    VersionView published = versions.publish(caller.get(), caller.siteId(siteId), force);
    return ResponseBuilder.<VersionView>created(
            URI.create("/v1/tenant/sites/" + siteId + "/versions/" + published.number()))
        .entity(published)
        .build();
  }

  @GET
  @Path("/{number}")
  public VersionView get(@RestPath SiteRef siteId, @RestPath int number) {
    return versions.get(caller.get(), caller.siteId(siteId), number);
  }

  /** What changed from one version to another; either may be {@code draft}. */
  @GET
  @Path("/diff")
  public PolicyDiff diff(@RestPath SiteRef siteId, @RestQuery String from, @RestQuery String to) {
    if (from == null || to == null) {
      throw new BadRequestException("Both from and to are required: version numbers or draft");
    }
    return versions.diff(caller.get(), caller.siteId(siteId), from, to);
  }
}
