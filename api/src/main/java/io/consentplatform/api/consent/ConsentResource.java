package io.consentplatform.api.consent;

import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.site.DeclaredDomains;
import io.quarkus.vertx.http.Uncompressed;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/**
 * Where visitors' decisions are recorded as proof. Browsers may call it from the site's declared
 * domains only ({@link DeclaredOrigins}); the proof is read back at {@link ReceiptResource}. A
 * decision for a site memory holds, from a declared page, is answered before this resource, by
 * {@link ConsentRoute}; this resource answers every request that route leaves to it (a site memory
 * does not know yet, a refused origin, another media type), on a worker thread, since finding out
 * may take a query.
 */
@Path("/v1/sites/{siteKey}/consents")
@DeclaredOriginsOnly
public class ConsentResource {

  private final ConsentService consents;
  private final CurrentPolicies current;
  private final DeclaredDomains domains;
  private final ConsentExchange exchange;

  public ConsentResource(
      ConsentService consents,
      CurrentPolicies current,
      DeclaredDomains domains,
      ConsentExchange exchange) {
    this.consents = consents;
    this.current = current;
    this.domains = domains;
    this.exchange = exchange;
  }

  /**
   * Records a decision. The client's rate limit and the declared length were checked before the
   * body was read ({@code PublicPostRoute}); the body itself is read no further than the limit.
   */
  @POST
  @Blocking
  @Uncompressed
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  // A stream as far as the REST layer knows: the decision's schema is named here.
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsentRequest.class)))
  public RestResponse<ConsentAnswer> record(
      @RestPath String siteKey, InputStream body, HttpServerRequest request) {
    ConsentRecord record = consents.recordDecision(siteKey, exchange.decision(body, request));
    ConsentExchange.Answer answer =
        exchange.answer(
            siteKey, record, snapshot(siteKey), domains.of(siteKey).orElse(List.of()), request);
    ResponseBuilder<ConsentAnswer> response =
        ResponseBuilder.<ConsentAnswer>created(URI.create(answer.path())).entity(answer.body());
    if (answer.setCookie() != null) {
      response.header(HttpHeaders.SET_COOKIE, answer.setCookie());
    }
    return response.build();
  }

  /** CORS preflight: browsers ask before posting JSON; {@link DeclaredOrigins} answers it. */
  @OPTIONS
  public void preflight() {}

  private PolicySnapshot snapshot(String siteKey) {
    return current
        .of(siteKey)
        .orElseThrow(() -> new NotFound("Site " + siteKey + " or its published policy"))
        .snapshot();
  }
}
