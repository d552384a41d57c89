package io.consentplatform.api.banner;

import io.consentplatform.api.ApiConfig;
import io.consentplatform.api.abuse.PublicLimits;
import io.consentplatform.api.consent.SiteOrigins;
import io.consentplatform.api.region.VisitorRegion;
import io.consentplatform.api.web.EntityTags;
import io.consentplatform.core.consent.Impressions;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.metrics.PlatformMetrics;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.site.DeclaredDomains;
import io.consentplatform.core.site.SiteArchived;
import io.consentplatform.core.site.SiteKeys;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/**
 * What every page view of every site fetches: the banner script and the banner configuration of the
 * site's current policy version. Both are public, cacheable, and served from memory.
 */
@Path("/v1/sites/{siteKey}")
public class BannerResource {

  static final String JAVASCRIPT = "text/javascript; charset=utf-8";
  private static final String ORIGIN = "Origin";

  private final CurrentPolicies current;
  private final BannerDocuments documents;
  private final BannerScript script;
  private final ArchivedScript archivedScript;
  private final ApiConfig config;
  private final Impressions impressions;
  private final PublicLimits limits;
  private final PlatformMetrics metrics;
  private final BannerHeaders headers;
  private final DeclaredDomains domains;
  private final VisitorRegion regions;

  public BannerResource(
      CurrentPolicies current,
      BannerDocuments documents,
      BannerScript script,
      ArchivedScript archivedScript,
      ApiConfig config,
      Impressions impressions,
      PublicLimits limits,
      PlatformMetrics metrics,
      BannerHeaders headers,
      DeclaredDomains domains,
      VisitorRegion regions) {
    this.regions = regions;
    this.domains = domains;
    this.limits = limits;
    this.metrics = metrics;
    this.current = current;
    this.documents = documents;
    this.script = script;
    this.archivedScript = archivedScript;
    this.config = config;
    this.impressions = impressions;
    this.headers = headers;
  }

  /**
   * The configuration of a site that {@link BannerRoute} did not answer: one not in memory yet, or
   * an unknown one (404), an archived one (410). All are looked up on a worker: an unknown site is
   * usually remembered as such, and then costs no query either. A key that cannot name a site is
   * refused before any lookup; the others count against the client's limit of such misses, so that
   * random keys cannot keep the database busy.
   *
   * <p>{@code ?region=} is the visitor's region as {@code GET /v1/region} told the script ({@code
   * US-CA}, {@code unknown}): the answer is then the same for everyone and caches may share it;
   * absent, the request's own region, answered for this browser only ({@link AskedRegion}).
   */
  @GET
  @Path("/banner")
  @Produces(MediaType.APPLICATION_JSON)
  @Parameter(
      name = "region",
      in = ParameterIn.QUERY,
      description =
          "The visitor's region as GET /v1/region gave it (US-CA, FR) or unknown: the answer is"
              + " then shared-cacheable. Absent: the request's own region, Cache-Control: private."
              + " Anything else: 400.")
  public Uni<RestResponse<byte[]>> banner(
      @RestPath String siteKey,
      @RestQuery String lang,
      @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @RestHeader(ORIGIN) String origin,
      HttpServerRequest request) {
    // Read from the request itself: an empty ?region= is a mistake to refuse, not an absent one.
    AskedRegion asked = AskedRegion.of(request.getParam("region"), () -> regions.of(request));
    Optional<PublishedPolicy> known = current.known(siteKey);
    Optional<List<String>> knownDomains = domains.known(siteKey);
    if (known.isPresent() && knownDomains.isPresent()) {
      return Uni.createFrom()
          .item(
              () ->
                  banner(
                      known.get(),
                      knownDomains.get(),
                      origin,
                      lang,
                      acceptLanguage,
                      ifNoneMatch,
                      asked));
    }
    wellFormed(siteKey);
    limits.miss(request);
    return Uni.createFrom()
        .item(
            () ->
                banner(
                    published(siteKey),
                    domains.of(siteKey).orElse(List.of()),
                    origin,
                    lang,
                    acceptLanguage,
                    ifNoneMatch,
                    asked))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private RestResponse<byte[]> banner(
      PublishedPolicy policy,
      List<String> declared,
      String origin,
      String lang,
      String acceptLanguage,
      String ifNoneMatch,
      AskedRegion region) {
    BannerDocuments.Answer chosen =
        documents.answer(policy, declared, origin, lang, acceptLanguage, ifNoneMatch, region);
    metrics.bannerServed();
    ResponseBuilder<byte[]> answer = ResponseBuilder.create(Status.OK);
    Status status =
        headers.write(chosen, (name, value) -> answer.header(name.toString(), value.toString()));
    answer.status(status);
    if (status == Status.OK) {
      answer.entity(chosen.document().json());
    }
    return answer.build();
  }

  /**
   * The script, for every site that exists, published or not: a tenant embeds it before the first
   * publication (it then finds no configuration and stays quiet), and the back office previews a
   * draft with it. A site with a version in memory costs no query.
   */
  @GET
  @Path("/banner.js")
  @Produces(JAVASCRIPT)
  public RestResponse<String> script(
      @RestPath String siteKey,
      @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      HttpServerRequest request) {
    String text = script.text();
    String etag = script.etag();
    if (current.known(siteKey).isEmpty() && domains.known(siteKey).isEmpty()) {
      wellFormed(siteKey);
      limits.miss(request);
    }
    try {
      if (current.of(siteKey).isEmpty() && domains.of(siteKey).isEmpty()) {
        throw new NotFound("Site " + siteKey);
      }
    } catch (SiteArchived archived) {
      text = archivedScript.text();
      etag = archivedScript.etag();
    }
    ResponseBuilder<String> answer =
        EntityTags.matches(ifNoneMatch, etag)
            ? ResponseBuilder.<String>create(Status.NOT_MODIFIED)
            : ResponseBuilder.ok(text, JAVASCRIPT);
    return answer
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + config.scriptMaxAge().toSeconds())
        .build();
  }

  /**
   * The script reports each time it shows the banner: the denominator of the opt-in rates. An
   * archived site's impressions are not counted (410); nor are those of a page whose origin the
   * site does not declare, since it cannot record decisions either. The client's rate limit and the
   * beacon's (empty) body were checked before ({@code PublicPostRoute}).
   *
   * @throws ForbiddenException when {@code Origin} is not one of the site's declared domains
   */
  @POST
  @Path("/impressions")
  public RestResponse<Void> shown(@RestPath String siteKey, @RestHeader(ORIGIN) String origin) {
    published(siteKey);
    if (origin != null && !SiteOrigins.allows(domains.of(siteKey).orElse(List.of()), origin)) {
      throw new ForbiddenException(
          "Origin " + origin + " is not one of the domains declared for site " + siteKey);
    }
    impressions.shown(siteKey);
    return ResponseBuilder.<Void>noContent().header("Access-Control-Allow-Origin", "*").build();
  }

  private static void wellFormed(String siteKey) {
    if (!SiteKeys.wellFormed(siteKey)) {
      throw new NotFound("Site " + siteKey);
    }
  }

  private PublishedPolicy published(String siteKey) {
    return current
        .of(siteKey)
        .orElseThrow(() -> new NotFound("Site " + siteKey + " or its published policy"));
  }
}
