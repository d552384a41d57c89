package io.consentplatform.api.consent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.ApiConfig;
import io.consentplatform.api.abuse.ClientAddress;
import io.consentplatform.api.region.VisitorRegion;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.VisitorTokens;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.net.TrustedProxies;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.policy.PolicySnapshot;
import io.consentplatform.core.site.DeclaredDomains;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/**
 * Where visitors' decisions are recorded as proof. Browsers may call it from the site's declared
 * domains only ({@link DeclaredOrigins}); the proof is read back at {@link ReceiptResource}.
 */
@Path("/v1/sites/{siteKey}/consents")
@DeclaredOriginsOnly
public class ConsentResource {

  private final ConsentService consents;
  private final CurrentPolicies current;
  private final ApiConfig config;
  private final ObjectMapper json;
  private final ClientAddress addresses;
  private final DeclaredDomains domains;
  private final TrustedProxies proxies;
  private final VisitorTokens tokens;
  private final VisitorRegion regions;

  public ConsentResource(
      ConsentService consents,
      CurrentPolicies current,
      ApiConfig config,
      ObjectMapper json,
      ClientAddress addresses,
      DeclaredDomains domains,
      TrustedProxies proxies,
      VisitorTokens tokens,
      VisitorRegion regions) {
    this.regions = regions;
    this.proxies = proxies;
    this.tokens = tokens;
    this.consents = consents;
    this.current = current;
    this.domains = domains;
    this.config = config;
    this.json = json;
    this.addresses = addresses;
  }

  /**
   * Records a decision. The client's rate limit and the declared length were checked before the
   * body was read ({@code PublicPostRoute}); the body itself is read no further than the limit.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public RestResponse<ConsentAnswer> record(
      @RestPath String siteKey,
      InputStream body,
      @RestHeader("Sec-GPC") String secGpc,
      @RestHeader(HttpHeaders.USER_AGENT) String userAgent,
      @RestHeader("Origin") String origin,
      HttpServerRequest request) {
    String client = addresses.of(request);
    ConsentRequest sent = ConsentRequest.read(body, config.maxConsentBodyBytes());
    ConsentRecord record =
        consents.recordDecision(
            siteKey,
            sent.decision(
                "1".equals(secGpc),
                origin != null,
                userAgent,
                client,
                regions.of(request).orElse(null)));
    // Signing costs more than recording (Ed25519 in Java): the answer to the POST carries the
    // receipt unsigned, and its Location serves it signed to whoever keeps proof.
    ConsentReceipt receipt = ConsentReceipt.of(record, siteKey);
    String token = tokens.issue(siteKey, record.visitorId);
    ResponseBuilder<ConsentAnswer> answer =
        ResponseBuilder.<ConsentAnswer>created(
                URI.create("/v1/sites/" + siteKey + "/consents/" + record.id))
            .entity(new ConsentAnswer(receipt, token));
    PolicySnapshot snapshot = snapshot(siteKey);
    if (SiteOrigins.servesFirstParty(
        domains.of(siteKey).orElse(List.of()), request.getHeader(HttpHeaders.HOST))) {
      answer.header(
          HttpHeaders.SET_COOKIE,
          PreferenceCookie.header(
              PreferenceCookie.of(
                  receipt,
                  token,
                  PreferenceCookie.lifetimeDays(snapshot, record.choices),
                  isHttps(request),
                  json)));
    }
    return answer.build();
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

  /** Whether the browser spoke HTTPS: a forwarded protocol counts from a trusted proxy only. */
  private boolean isHttps(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return proxies.secure(peer, request.isSSL(), request.getHeader("X-Forwarded-Proto"));
  }
}
