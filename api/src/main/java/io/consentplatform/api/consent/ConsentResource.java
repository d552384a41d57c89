package io.consentplatform.api.consent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.consentplatform.api.ApiConfig;
import io.consentplatform.api.abuse.PublicPostLimit;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.ConsentStatus;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.ledger.ReceiptSigner;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.policy.PolicySnapshot;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/**
 * Where visitors' decisions are recorded as proof, and where that proof is read back: by the
 * visitor (the receipt) and by the tenant's back end (the status of one category).
 */
@Path("/v1/sites/{siteKey}/consents")
public class ConsentResource {

  static final String PREFERENCES_COOKIE = "cookies_preferences";
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  // Strict: a field the API does not know, a key given twice or a string where a boolean belongs
  // is a client's mistake to report, not to guess around.
  private static final ObjectReader REQUESTS =
      JsonMapper.builder(
              JsonFactory.builder()
                  // A decision is two levels deep: anything much deeper is an attack on the parser.
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(8)
                          .maxStringLength(4096)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build()
          .readerFor(ConsentRequest.class);

  private final ConsentService consents;
  private final CurrentPolicies current;
  private final ApiConfig config;
  private final ObjectMapper json;
  private final ReceiptSigner signer;
  private final PublicPostLimit limiter;

  public ConsentResource(
      ConsentService consents,
      CurrentPolicies current,
      ApiConfig config,
      ObjectMapper json,
      ReceiptSigner signer,
      PublicPostLimit limiter) {
    this.limiter = limiter;
    this.consents = consents;
    this.current = current;
    this.config = config;
    this.json = json;
    this.signer = signer;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public RestResponse<ConsentReceipt> record(
      @RestPath String siteKey,
      byte[] body,
      @RestHeader("Origin") String origin,
      @RestHeader("Sec-GPC") String secGpc,
      @RestHeader(HttpHeaders.USER_AGENT) String userAgent,
      HttpServerRequest request) {
    PolicySnapshot.SiteEntry site = site(siteKey);
    checkOrigin(site, origin);
    String client = limiter.check(siteKey, request);
    if (body.length > config.maxConsentBodyBytes()) {
      throw new WebApplicationException(
          "The body is larger than " + config.maxConsentBodyBytes() + " bytes",
          Status.REQUEST_ENTITY_TOO_LARGE);
    }
    ConsentRequest sent = parse(body);
    Decision decision =
        new Decision(
            visitorId(sent.visitorId()),
            policyVersion(sent.policyVersion()),
            Wire.parse(ConsentAction.class, "action", sent.action()),
            sent.choices(),
            language(sent.lang()),
            Wire.parse(ConsentMethod.class, "method", sent.method()),
            Boolean.TRUE.equals(sent.gpc()) || "1".equals(secGpc),
            userAgent,
            client);
    ConsentRecord record = consents.recordDecision(siteKey, decision);
    // Signing costs more than recording (Ed25519 in Java): the answer to the POST carries the
    // receipt unsigned, and its Location serves it signed to whoever keeps proof.
    ConsentReceipt receipt = ConsentReceipt.of(record, siteKey);
    ResponseBuilder<ConsentReceipt> answer =
        ResponseBuilder.<ConsentReceipt>created(
                URI.create("/v1/sites/" + siteKey + "/consents/" + record.id))
            .entity(receipt);
    allowOrigin(answer, origin);
    if (SiteOrigins.servesFirstParty(site.domains(), request.getHeader(HttpHeaders.HOST))) {
      answer.header(HttpHeaders.SET_COOKIE, preferencesCookie(receipt, site, isHttps(request)));
    }
    return answer.build();
  }

  @GET
  @Path("/{consentId}")
  @Produces(MediaType.APPLICATION_JSON)
  public RestResponse<ConsentReceipt> receipt(
      @RestPath String siteKey, @RestPath String consentId, @RestHeader("Origin") String origin) {
    PolicySnapshot.SiteEntry site = site(siteKey);
    checkOrigin(site, origin);
    ConsentRecord record =
        consents.find(siteKey, consentId(consentId)).orElseThrow(() -> notFound(consentId));
    ResponseBuilder<ConsentReceipt> answer =
        ResponseBuilder.ok(signed(ConsentReceipt.of(record, siteKey)));
    allowOrigin(answer, origin);
    return answer.build();
  }

  /** The receipt with its signature over exactly the JSON it carries without one. */
  private ConsentReceipt signed(ConsentReceipt receipt) {
    try {
      return receipt.signedWith(signer.sign(json.writeValueAsBytes(receipt)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A receipt always serialises", e);
    }
  }

  /** The answer a tenant's back end reads before setting a cookie of {@code category}. */
  public record StatusView(UUID consentId, String category, String status) {}

  @GET
  @Path("/{consentId}/status")
  @Produces(MediaType.APPLICATION_JSON)
  public StatusView status(
      @RestPath String siteKey, @RestPath String consentId, @RestQuery String category) {
    if (category == null || category.isBlank()) {
      throw new BadRequestException("The query parameter category is required");
    }
    UUID id = consentId(consentId);
    ConsentStatus status = consents.status(siteKey, id, category, Instant.now());
    return new StatusView(id, category, Wire.name(status));
  }

  /** CORS preflight: browsers ask before posting JSON from a site's pages. */
  @OPTIONS
  public RestResponse<Void> preflight(
      @RestPath String siteKey, @RestHeader("Origin") String origin) {
    return preflightFor(siteKey, origin);
  }

  @OPTIONS
  @Path("/{consentId}")
  public RestResponse<Void> receiptPreflight(
      @RestPath String siteKey, @RestHeader("Origin") String origin) {
    return preflightFor(siteKey, origin);
  }

  private RestResponse<Void> preflightFor(String siteKey, String origin) {
    checkOrigin(site(siteKey), origin);
    ResponseBuilder<Void> answer = ResponseBuilder.noContent();
    allowOrigin(answer, origin);
    return answer
        .header("Access-Control-Allow-Methods", "GET, POST")
        .header("Access-Control-Allow-Headers", "Content-Type")
        .header("Access-Control-Max-Age", "600")
        .build();
  }

  private PolicySnapshot.SiteEntry site(String siteKey) {
    return current
        .of(siteKey)
        .orElseThrow(() -> new NotFound("Site " + siteKey + " or its published policy"))
        .snapshot()
        .site();
  }

  /** Browsers send Origin on cross-site calls; servers calling the API send none and may call. */
  private static void checkOrigin(PolicySnapshot.SiteEntry site, String origin) {
    if (origin != null && !SiteOrigins.allows(site.domains(), origin)) {
      throw new ForbiddenException(
          "Origin " + origin + " is not one of the domains declared for site " + site.key());
    }
  }

  private static void allowOrigin(ResponseBuilder<?> answer, String origin) {
    if (origin != null) {
      answer
          .header("Access-Control-Allow-Origin", origin)
          .header("Access-Control-Allow-Credentials", "true")
          .header(HttpHeaders.VARY, "Origin");
    }
  }

  private static ConsentRequest parse(byte[] body) {
    try {
      ConsentRequest request = REQUESTS.readValue(body);
      if (request == null) {
        throw new BadRequestException("The body must be a JSON object");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new BadRequestException(
          "The body is not a valid consent request: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequestException("The body could not be read");
    }
  }

  private static UUID visitorId(String text) {
    if (text == null) {
      return null;
    }
    try {
      return parseUuid(text);
    } catch (IllegalArgumentException e) {
      throw new Rejected("visitorId", "visitorId must be a UUID given by this API");
    }
  }

  private static UUID consentId(String text) {
    try {
      return parseUuid(text);
    } catch (IllegalArgumentException e) {
      throw notFound(text);
    }
  }

  /** UUID.fromString accepts odd forms such as "1-1-1-1-1"; only the canonical one is an id. */
  private static UUID parseUuid(String text) {
    UUID uuid = UUID.fromString(text);
    if (!uuid.toString().equals(text.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(text);
    }
    return uuid;
  }

  private static NotFound notFound(String consentId) {
    return new NotFound("Consent " + consentId);
  }

  private static int policyVersion(Integer number) {
    if (number == null) {
      throw new Rejected("policyVersion", "policyVersion is required");
    }
    return number;
  }

  private static String language(String lang) {
    if (lang != null && !LANGUAGE.matcher(lang).matches()) {
      throw new Rejected("lang", "lang must be a language code such as en or fr");
    }
    return lang;
  }

  private static boolean isHttps(HttpServerRequest request) {
    return "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))
        || "https".equals(request.scheme());
  }

  /**
   * The same cookie the banner script writes, set by the server: browsers keep a server's cookie
   * for its whole lifetime, where Safari cuts cookies written by scripts to seven days.
   */
  private String preferencesCookie(
      ConsentReceipt receipt, PolicySnapshot.SiteEntry site, boolean https) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("i", receipt.consentId());
    value.put("v", receipt.visitorId());
    value.put("p", receipt.policyVersion().number());
    value.put("t", receipt.recordedAt().toEpochMilli());
    value.put("c", receipt.choices());
    value.put("a", receipt.action());
    value.put("m", receipt.method());
    String encoded;
    try {
      encoded = URLEncoder.encode(json.writeValueAsString(value), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return PREFERENCES_COOKIE
        + "="
        + encoded
        + "; Path=/; Max-Age="
        + site.consentLifetimeDays() * 86_400L
        + "; SameSite=Lax"
        + (https ? "; Secure" : "");
  }
}
