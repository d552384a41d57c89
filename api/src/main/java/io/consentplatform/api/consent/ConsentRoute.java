package io.consentplatform.api.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentplatform.api.web.PublicHeaders;
import io.consentplatform.core.consent.ConsentRecord;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.policy.CurrentPolicies;
import io.consentplatform.core.policy.PublishedPolicy;
import io.consentplatform.core.site.DeclaredDomains;
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

/**
 * The write path of every visitor's decision, answered on the I/O thread: a decision on the version
 * memory holds is checked, queued for the next group commit ({@code ConsentWriter}) and answered
 * when that commit completes, with no worker thread in between. Each hand-off between threads costs
 * a wake-up in the kernel, and the REST layer's filters cost more than the decision itself
 * (docs/performance.md). Anything else falls through to {@link ConsentResource}, which answers it
 * the same way, refusals included: a refused origin, a malformed body, an older version, a site
 * memory does not know.
 */
@ApplicationScoped
public class ConsentRoute {

  // After the door of the public POSTs (-1002: rate limit, length, the body read) and the global
  // body limit (-1001); ahead of Quarkus' HTTP filters, as the banner's route.
  private static final int ORDER = -1_000;
  private static final String JSON = "application/json";
  private static final String JSON_UTF8 = "application/json;charset=UTF-8";
  private static final Pattern REFUSES = Pattern.compile("q=0(\\.0*)?\\s*(,|$)");

  private final ConsentService consents;
  private final CurrentPolicies current;
  private final DeclaredDomains domains;
  private final ConsentExchange exchange;
  private final ObjectMapper json;

  public ConsentRoute(
      ConsentService consents,
      CurrentPolicies current,
      DeclaredDomains domains,
      ConsentExchange exchange,
      ObjectMapper json) {
    this.consents = consents;
    this.current = current;
    this.domains = domains;
    this.exchange = exchange;
    this.json = json;
  }

  void install(@Observes Router router) {
    router.post("/v1/sites/:siteKey/consents").order(ORDER).handler(this::serve);
  }

  private void serve(RoutingContext context) {
    String siteKey = context.pathParam("siteKey");
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
    Optional<CompletableFuture<ConsentRecord>> written;
    try {
      written =
          consents.recordFromMemory(siteKey, exchange.decision(ConsentBody.of(context), request));
    } catch (RuntimeException refused) {
      // Nothing was queued: the REST layer finds the same fault and answers it as a problem.
      context.next();
      return;
    }
    if (written.isEmpty()) {
      context.next();
      return;
    }
    Context loop = Vertx.currentContext();
    written
        .get()
        .whenComplete(
            (record, failure) ->
                loop.runOnContext(
                    v -> {
                      if (failure != null) {
                        // Nothing of the batch was stored: the REST layer tries once more and
                        // answers what the database says (503 when it is away).
                        context.next();
                      } else {
                        answer(context, siteKey, record, policy.get(), declared.get(), origin);
                      }
                    }));
  }

  private void answer(
      RoutingContext context,
      String siteKey,
      ConsentRecord record,
      PublishedPolicy policy,
      List<String> declared,
      String origin) {
    HttpServerRequest request = context.request();
    ConsentExchange.Answer answer =
        exchange.answer(siteKey, record, policy.snapshot(), declared, request);
    byte[] body;
    try {
      body = json.writeValueAsBytes(answer.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An answer always serialises", e);
    }
    MultiMap headers = context.response().headers();
    PublicHeaders.addTo(headers, false);
    if (origin != null) {
      // What DeclaredOrigins adds for a declared page: it may read the answer.
      headers.add("Access-Control-Allow-Origin", origin);
      headers.add("Access-Control-Allow-Credentials", "true");
      headers.add(HttpHeaders.VARY, "Origin");
    }
    headers.set(HttpHeaders.CONTENT_TYPE, JSON_UTF8);
    // Absolute, as the REST layer writes it: the scheme and host the request came with.
    headers.set(
        HttpHeaders.LOCATION, request.scheme() + "://" + request.authority() + answer.path());
    if (answer.setCookie() != null) {
      headers.add(HttpHeaders.SET_COOKIE, answer.setCookie());
    }
    context.response().setStatusCode(201).end(Buffer.buffer(body));
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
