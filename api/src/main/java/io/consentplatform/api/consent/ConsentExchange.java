package io.consentplatform.api.consent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.ApiConfig;
import io.consentplatform.api.abuse.ClientAddress;
import io.consentplatform.api.region.VisitorRegion;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.consent.VisitorTokens;
import io.consentplatform.core.net.TrustedProxies;
import io.consentplatform.core.policy.PolicySnapshot;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;
import java.util.List;

/**
 * What a posted decision says and what the platform answers once it is recorded, the same whether
 * {@link ConsentRoute} answers on the I/O thread or {@link ConsentResource} on a worker.
 */
@ApplicationScoped
class ConsentExchange {

  /**
   * The answer to a recorded decision.
   *
   * @param path where the receipt is served, signed
   * @param setCookie the preference cookie for a page served under the site's declared domains;
   *     null otherwise
   */
  record Answer(String path, ConsentAnswer body, String setCookie) {}

  private final ApiConfig config;
  private final ObjectMapper json;
  private final ClientAddress addresses;
  private final TrustedProxies proxies;
  private final VisitorTokens tokens;
  private final VisitorRegion regions;

  ConsentExchange(
      ApiConfig config,
      ObjectMapper json,
      ClientAddress addresses,
      TrustedProxies proxies,
      VisitorTokens tokens,
      VisitorRegion regions) {
    this.config = config;
    this.json = json;
    this.addresses = addresses;
    this.proxies = proxies;
    this.tokens = tokens;
    this.regions = regions;
  }

  /**
   * The decision the body states, with what the request's headers and address add.
   *
   * @throws jakarta.ws.rs.WebApplicationException 400 or 413 for a body that is no decision
   * @throws io.consentplatform.core.error.Rejected naming the first field that is wrong
   */
  Decision decision(byte[] body, HttpServerRequest request) {
    return decision(ConsentRequest.read(body, config.maxConsentBodyBytes()), request);
  }

  /** The decision a body sent as a stream states, read no further than the limit. */
  Decision decision(InputStream body, HttpServerRequest request) {
    return decision(ConsentRequest.read(body, config.maxConsentBodyBytes()), request);
  }

  private Decision decision(ConsentRequest sent, HttpServerRequest request) {
    return sent.decision(
        "1".equals(request.getHeader("Sec-GPC")),
        request.getHeader("Origin") != null,
        request.getHeader(HttpHeaders.USER_AGENT),
        addresses.of(request),
        regions.of(request).orElse(null));
  }

  /** The answer to {@code record}, for the version and domains the site has in memory. */
  Answer answer(
      String siteKey,
      ConsentRecord record,
      PolicySnapshot snapshot,
      List<String> domains,
      HttpServerRequest request) {
    // Signing costs more than recording (Ed25519 in Java): the answer to the POST carries the
    // receipt unsigned, and its Location serves it signed to whoever keeps proof.
    ConsentReceipt receipt = ConsentReceipt.of(record, siteKey);
    String token = tokens.issue(siteKey, record.visitorId);
    String cookie = null;
    if (SiteOrigins.servesFirstParty(domains, request.getHeader(HttpHeaders.HOST))) {
      cookie =
          PreferenceCookie.header(
              PreferenceCookie.of(
                  receipt,
                  token,
                  PreferenceCookie.lifetimeDays(snapshot, record.choices),
                  isHttps(request),
                  json));
    }
    return new Answer(
        "/v1/sites/" + siteKey + "/consents/" + record.id,
        new ConsentAnswer(receipt, token),
        cookie);
  }

  /** Whether the browser spoke HTTPS: a forwarded protocol counts from a trusted proxy only. */
  private boolean isHttps(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return proxies.secure(peer, request.isSSL(), request.getHeader("X-Forwarded-Proto"));
  }
}
