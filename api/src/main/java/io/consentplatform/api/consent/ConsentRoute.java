package io.consentplatform.api.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.ApiConfig;
import io.consentplatform.api.abuse.PublicPostRoute;
import io.consentplatform.api.problem.ProblemMapper;
import io.consentplatform.api.web.PublicHeaders;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.Decision;
import io.consentplatform.core.net.KeyedPath;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.site.DeclaredDomains;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The write path of every visitor's decision, answered on the I/O thread: for a site whose version
 * and domains memory holds, and a page it declares (or no page at all), the route reads the body,
 * checks the decision, queues it for the next group commit ({@code ConsentWriter}) and answers when
 * that commit completes, with no worker thread in between. Each hand-off between threads costs a
 * wake-up in the kernel, and the REST layer's filters cost more than the decision itself
 * (docs/performance.md). Anything the headers show is unusual (a site memory does not know yet, a
 * refused origin, another media type) goes to {@link ConsentResource} before a byte is read; once
 * the route has read the body it answers everything itself, refusals as the REST layer's {@link
 * ProblemMapper} writes them, since over HTTP/2 the REST layer cannot take over a request whose
 * body has been read.
 */
@ApplicationScoped
public class ConsentRoute {

  // After the door of the public POSTs (-1002: rate limit, declared length) and the global body
  // limit (-1001); ahead of Quarkus' HTTP filters, as the banner's route.
  private static final int ORDER = -1_000;
  private static final String JSON = "application/json";
  private static final String JSON_UTF8 = "application/json;charset=UTF-8";
  private static final Pattern REFUSES = Pattern.compile("q=0(\\.0*)?\\s*(,|$)");

  private final ConsentService consents;
  private final CurrentPolicies current;
  private final DeclaredDomains domains;
  private final ConsentExchange exchange;
  private final ProblemMapper problems;
  private final ObjectMapper json;
  private final int maxBytes;

  public ConsentRoute(
      ConsentService consents,
      CurrentPolicies current,
      DeclaredDomains domains,
      ConsentExchange exchange,
      ProblemMapper problems,
      ObjectMapper json,
      ApiConfig config) {
    this.consents = consents;
    this.current = current;
    this.domains = domains;
    this.exchange = exchange;
    this.problems = problems;
    this.json = json;
    this.maxBytes = config.maxConsentBodyBytes();
  }

  private static final KeyedPath PATH = new KeyedPath("/v1/sites/", "/consents");

  void install(@Observes Router router) {
    router.post("/v1/sites/*").order(ORDER).handler(this::serve);
  }

  private void serve(RoutingContext context) {
    String siteKey = PATH.key(context.normalizedPath());
    if (siteKey == null) {
      context.next();
      return;
    }
    HttpServerRequest request = context.request();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    Optional<PublishedPolicy> policy = current.known(siteKey);
    Optional<List<String>> declared = domains.known(siteKey);
    if (policy.isEmpty()
        || declared.isEmpty()
        || !isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))
        || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))
        || (origin != null && !SiteOrigins.allows(declared.get(), origin))) {
      context.next();
      return;
    }
    OneDecision decision = new OneDecision(context, siteKey, policy.get(), declared.get(), origin);
    ConsentBody.read(
        request,
        maxBytes,
        decision::decide,
        // A body without a declared length is refused as soon as it passes the limit.
        () -> PublicPostRoute.tooLarge(context, json, Long.MAX_VALUE, maxBytes));
  }

  /** One decision from its body to its answer, on the request's own event loop throughout. */
  private final class OneDecision {

    private final RoutingContext context;
    private final String siteKey;
    private final PublishedPolicy policy;
    private final List<String> declared;
    private final String origin;
    private final Context loop = Vertx.currentContext();

    OneDecision(
        RoutingContext context,
        String siteKey,
        PublishedPolicy policy,
        List<String> declared,
        String origin) {
      this.context = context;
      this.siteKey = siteKey;
      this.policy = policy;
      this.declared = declared;
      this.origin = origin;
    }

    void decide(byte[] body) {
      Decision decision;
      Optional<CompletableFuture<ConsentRecord>> written;
      try {
        decision = exchange.decision(body, context.request());
        written = consents.recordFromMemory(siteKey, decision);
      } catch (RuntimeException refused) {
        problem(refused);
        return;
      }
      if (written.isPresent()) {
        written
            .get()
            .whenComplete((record, failure) -> loop.runOnContext(v -> done(record, failure)));
      } else {
        // An older version than memory holds: finding it may take a query, on a worker thread.
        context
            .vertx()
            .<ConsentRecord>executeBlocking(() -> inRequestContext(siteKey, decision), false)
            .onComplete(result -> done(result.result(), result.cause()));
      }
    }

    private void done(ConsentRecord record, Throwable failure) {
      if (failure != null) {
        problem(ConsentService.unwrapped(failure));
      } else {
        answer(record);
      }
    }

    private void answer(ConsentRecord record) {
      HttpServerRequest request = context.request();
      ConsentExchange.Answer answer =
          exchange.answer(siteKey, record, policy.snapshot(), declared, request);
      byte[] body;
      try {
        body = json.writeValueAsBytes(answer.body());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("An answer always serialises", e);
      }
      MultiMap headers = commonHeaders();
      headers.set(HttpHeaders.CONTENT_TYPE, JSON_UTF8);
      // Absolute, as the REST layer writes it: the scheme and host the request came with.
      headers.set(
          HttpHeaders.LOCATION, request.scheme() + "://" + request.authority() + answer.path());
      if (answer.setCookie() != null) {
        headers.add(HttpHeaders.SET_COOKIE, answer.setCookie());
      }
      context.response().setStatusCode(201).end(Buffer.buffer(body));
    }

    private void problem(RuntimeException failure) {
      RestResponse<String> answer = problems.of(failure);
      MultiMap headers = commonHeaders();
      answer
          .getHeaders()
          .forEach(
              (name, values) -> values.forEach(value -> headers.add(name, String.valueOf(value))));
      context.response().setStatusCode(answer.getStatus()).end(answer.getEntity());
    }

    /** What the REST layer's filters add: security headers, and CORS for a declared page. */
    private MultiMap commonHeaders() {
      MultiMap headers = context.response().headers();
      PublicHeaders.addTo(headers, false);
      if (origin != null) {
        DeclaredOrigins.allowToRead(origin, headers::add);
      }
      return headers;
    }
  }

  /** A worker thread has no request context; the lookups of an older version need one. */
  private ConsentRecord inRequestContext(String siteKey, Decision decision) {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    try {
      return consents.recordDecision(siteKey, decision);
    } finally {
      requestContext.terminate();
    }
  }

  /** {@code application/json}, with parameters or not, as the REST layer's {@code @Consumes}. */
  private static boolean isJson(String type) {
    if (type == null || !type.regionMatches(true, 0, JSON, 0, JSON.length())) {
      return false;
    }
    return type.length() == JSON.length()
        || type.charAt(JSON.length()) == ';'
        || type.charAt(JSON.length()) == ' ';
  }

  /**
   * No {@code Accept}, or one that takes JSON; one that refuses something outright ({@code q=0}) is
   * left to the REST layer's content negotiation.
   */
  private static boolean acceptsJson(String accept) {
    if (accept == null) {
      return true;
    }
    return (accept.contains(JSON) || accept.contains("*/*") || accept.contains("application/*"))
        && !REFUSES.matcher(accept).find();
  }
}
