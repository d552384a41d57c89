package io.consentplatform.core.scan.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentplatform.core.net.AddressPolicy;
import io.consentplatform.core.scan.ObservedCookie;
import io.consentplatform.core.scan.ObservedStorage;
import io.consentplatform.core.scan.Pass;
import io.consentplatform.core.scan.ScanObservations.PassObservations;
import io.consentplatform.core.scan.SkippedUrl;
import io.consentplatform.core.scan.SkippedUrl.Reason;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One simulated visitor: one tab of a fresh browser, instrumented before its first page so that
 * every cookie, storage key and host contacted is seen, in the page and in every frame (including
 * cross-origin frames, which run in targets of their own that are attached as they appear).
 */
final class BrowserPass implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BrowserPass.class);
  private static final Duration COMMAND = Duration.ofSeconds(10);
  private static final Duration SETTLE_MAX = Duration.ofSeconds(3);
  private static final long SETTLE_MS = 300;
  static final String BINDING = "__consentScannerCookie";

  /** The banner's proof-of-consent and impression counts: a scan must never add either. */
  private static final Pattern PLATFORM_REPORT =
      Pattern.compile("/v1/sites/[^/?#]+/(consents|impressions)(?:[/?#].*)?$");

  // Reports every cookie a script writes (document.cookie, and the Cookie Store API) with the
  // cookie's name and the script that wrote it: the first http(s) frame of the stack, the hook
  // itself having no URL.
  private static final String COOKIE_HOOK =
      """
      (() => {
        const report = globalThis.%1$s;
        if (typeof report !== 'function') return;
        const tell = (name) => {
          try {
            let script = null;
            for (const line of String(new Error().stack || '').split('\\n').slice(2)) {
              const found = line.match(/(https?:\\/\\/[^\\s()]+):\\d+:\\d+/);
              if (found) { script = found[1]; break; }
            }
            report(JSON.stringify({ n: String(name), s: script, h: location.hostname }));
          } catch (e) { /* never break the page */ }
        };
        const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
        if (cookie && cookie.set) {
          Object.defineProperty(Document.prototype, 'cookie', {
            configurable: true, enumerable: cookie.enumerable,
            get() { return cookie.get.call(this); },
            set(value) {
              const pair = String(value).split(';', 1)[0];
              tell(pair.indexOf('=') < 0 ? '' : pair.slice(0, pair.indexOf('=')).trim());
              return cookie.set.call(this, value);
            }
          });
        }
        if (globalThis.CookieStore && CookieStore.prototype.set) {
          const set = CookieStore.prototype.set;
          CookieStore.prototype.set = function (first) {
            tell(typeof first === 'string' ? first : (first && first.name) || '');
            return set.apply(this, arguments);
          };
        }
      })();
      """
          .formatted(BINDING);

  private static final String STORAGE =
      """
      (async () => {
        const found = { origin: location.origin, local: [], session: [], idb: [] };
        try { for (let i = 0; i < localStorage.length; i++) found.local.push(localStorage.key(i)); } catch (e) {}
        try { for (let i = 0; i < sessionStorage.length; i++) found.session.push(sessionStorage.key(i)); } catch (e) {}
        try { if (indexedDB.databases) found.idb = (await indexedDB.databases()).map(d => d.name); } catch (e) {}
        return found;
      })()
      """;

  private static final String LINKS = "Array.from(document.links, a => a.href)";

  private final Cdp cdp;
  private final ScanScope scope;
  private final ExecutorService events;
  private final String page;
  private final String mainFrame;

  private final Map<String, List<String>> requestUrls = new ConcurrentHashMap<>();
  private final Map<String, Integer> extraInfos = new ConcurrentHashMap<>();
  private final Map<String, String> firstUrlOfAuthority = new ConcurrentHashMap<>();
  private final List<CookieSet> sets = Collections.synchronizedList(new ArrayList<>());
  // Third-party hosts that answered, with the host:port pairs they answered on.
  private final Map<String, Set<String>> thirdPartyHosts = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private volatile long lastNetworkActivity = System.nanoTime();
  private final Map<String, Context> contexts = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> lifecycle = new ConcurrentHashMap<>();
  private final Map<CookieKey, String> cookieFirstSeen = new LinkedHashMap<>();
  private final Map<StorageKey, String> storageFirstSeen = new LinkedHashMap<>();
  private final List<String> visited = new ArrayList<>();
  private volatile String currentPage = "about:blank";
  private volatile SkippedUrl blockedNavigation;
  private volatile DocumentAnswer lastDocument;
  private volatile boolean bannerRequested;

  private record Context(String session, int id, String origin) {}

  private record CookieKey(String name, String domain, String path) {}

  private record StorageKey(ObservedStorage.Kind kind, String origin, String name) {}

  private record DocumentAnswer(String url, boolean refusedByProxy) {}

  /** A cookie write seen as it happened; the HTTP response's URL is looked up at the end. */
  private record CookieSet(
      String name, ObservedCookie.SetBy setBy, String url, String host, String page) {}

  private BrowserPass(
      Cdp cdp, ScanScope scope, String page, String mainFrame, ExecutorService events) {
    this.cdp = cdp;
    this.scope = scope;
    this.page = page;
    this.mainFrame = mainFrame;
    this.events = events;
  }

  /** Opens a tab in the browser and instruments it; no page is loaded yet. */
  static BrowserPass open(Cdp cdp, ScanScope scope) {
    ObjectNode deny = cdp.params().put("behavior", "deny");
    cdp.call(null, "Browser.setDownloadBehavior", deny, COMMAND);
    String target =
        cdp.call(null, "Target.createTarget", cdp.params().put("url", "about:blank"), COMMAND)
            .path("targetId")
            .asText();
    ExecutorService events =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "scan-events");
              thread.setDaemon(true);
              return thread;
            });
    java.util.concurrent.atomic.AtomicReference<BrowserPass> holder =
        new java.util.concurrent.atomic.AtomicReference<>();
    // Events are handled off the event loop and in order: deciding on a paused request may look
    // up an address.
    cdp.listen(
        (session, method, params) ->
            events.execute(
                () -> {
                  BrowserPass pass = holder.get();
                  if (pass != null) {
                    pass.handle(session, method, params);
                  }
                }));
    String session =
        cdp.call(
                null,
                "Target.attachToTarget",
                cdp.params().put("targetId", target).put("flatten", true),
                COMMAND)
            .path("sessionId")
            .asText();
    BrowserPass pass = new BrowserPass(cdp, scope, session, target, events);
    holder.set(pass);
    pass.instrument(session, true);
    return pass;
  }

  private void handle(String session, String method, JsonNode params) {
    try {
      switch (method) {
        case "Target.attachedToTarget" -> attached(params);
        case "Target.detachedFromTarget" -> forget(params.path("sessionId").asText());
        case "Fetch.requestPaused" -> paused(session, params);
        case "Network.requestWillBeSent" -> requested(session, params);
        case "Network.responseReceived" -> answered(session, params);
        case "Network.loadingFinished", "Network.loadingFailed" -> {
          inFlight.remove(session + "/" + params.path("requestId").asText());
          lastNetworkActivity = System.nanoTime();
        }
        case "Network.responseReceivedExtraInfo" -> cookiesFromHttp(session, params);
        case "Runtime.bindingCalled" -> cookieFromScript(params);
        case "Runtime.executionContextCreated" -> contextCreated(session, params.path("context"));
        case "Runtime.executionContextDestroyed" ->
            contexts.remove(session + "/" + params.path("executionContextId").asInt());
        case "Runtime.executionContextsCleared" -> forget(session);
        case "Page.lifecycleEvent" -> {
          if (page.equals(session) && mainFrame.equals(params.path("frameId").asText())) {
            lifecycle
                .computeIfAbsent(
                    params.path("loaderId").asText(), k -> ConcurrentHashMap.newKeySet())
                .add(params.path("name").asText());
          }
        }
        case "Page.javascriptDialogOpening" ->
            cdp.send(session, "Page.handleJavaScriptDialog", cdp.params().put("accept", false));
        default -> {
          // not needed
        }
      }
    } catch (RuntimeException e) {
      LOG.debugf(e, "Scan: could not handle %s", method);
    }
  }

  /** Every event of a page or frame that the pass needs, enabled before its scripts run. */
  private void instrument(String session, boolean top) {
    List<java.util.concurrent.CompletableFuture<JsonNode>> answers = new ArrayList<>();
    answers.add(cdp.send(session, "Network.enable", cdp.params()));
    answers.add(cdp.send(session, "Page.enable", cdp.params()));
    answers.add(cdp.send(session, "Runtime.enable", cdp.params()));
    answers.add(cdp.send(session, "Runtime.addBinding", cdp.params().put("name", BINDING)));
    answers.add(
        cdp.send(
            session,
            "Page.addScriptToEvaluateOnNewDocument",
            cdp.params().put("source", COOKIE_HOOK)));
    ObjectNode fetch = cdp.params();
    ArrayNode patterns = fetch.putArray("patterns");
    if (top) {
      patterns
          .addObject()
          .put("urlPattern", "*")
          .put("resourceType", "Document")
          .put("requestStage", "Request");
      answers.add(
          cdp.send(session, "Page.setLifecycleEventsEnabled", cdp.params().put("enabled", true)));
    }
    patterns.addObject().put("urlPattern", "*/v1/sites/*/consents*").put("requestStage", "Request");
    patterns
        .addObject()
        .put("urlPattern", "*/v1/sites/*/impressions*")
        .put("requestStage", "Request");
    answers.add(cdp.send(session, "Fetch.enable", fetch));
    answers.add(
        cdp.send(
            session,
            "Target.setAutoAttach",
            cdp.params()
                .put("autoAttach", true)
                .put("waitForDebuggerOnStart", true)
                .put("flatten", true)));
    answers.add(cdp.send(session, "Runtime.runIfWaitingForDebugger", cdp.params()));
    if (top) {
      for (var answer : answers) {
        try {
          answer.get(COMMAND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
          throw new Cdp.CdpError("Could not instrument the scan's page: " + e);
        }
      }
    }
  }

  private void attached(JsonNode params) {
    String child = params.path("sessionId").asText();
    String type = params.path("targetInfo").path("type").asText();
    if ("iframe".equals(type)) {
      instrument(child, false);
    } else if (type.endsWith("worker")) {
      cdp.send(child, "Network.enable", cdp.params());
      cdp.send(child, "Runtime.runIfWaitingForDebugger", cdp.params());
    } else {
      cdp.send(child, "Runtime.runIfWaitingForDebugger", cdp.params());
    }
  }

  private void forget(String session) {
    contexts.keySet().removeIf(key -> key.startsWith(session + "/"));
  }

  private void paused(String session, JsonNode params) {
    String id = params.path("requestId").asText();
    String url = params.path("request").path("url").asText();
    URI uri = ScanScope.web(url);
    if (uri != null
        && PLATFORM_REPORT.matcher(uri.getRawPath() == null ? "" : uri.getRawPath()).find()) {
      // The banner keeps the choice locally when the platform does not answer: nothing recorded.
      cdp.send(
          session,
          "Fetch.fulfillRequest",
          cdp.params()
              .put("requestId", id)
              .put("responseCode", 503)
              .put("body", Base64.getEncoder().encodeToString(new byte[0])));
      return;
    }
    if (page.equals(session)
        && "Document".equals(params.path("resourceType").asText())
        && mainFrame.equals(params.path("frameId").asText())) {
      SkippedUrl refusal = navigationRefusal(url);
      if (refusal != null) {
        blockedNavigation = refusal;
        cdp.send(
            session,
            "Fetch.failRequest",
            cdp.params().put("requestId", id).put("errorReason", "BlockedByClient"));
        return;
      }
    }
    cdp.send(session, "Fetch.continueRequest", cdp.params().put("requestId", id));
  }

  /** Why the top-level page may not go to {@code url} (a redirect included), or null. */
  private SkippedUrl navigationRefusal(String url) {
    URI uri = ScanScope.web(url);
    if (uri == null) {
      return null;
    }
    if (scope.policy().refuses(uri.getHost(), ScanScope.portOf(uri))) {
      return new SkippedUrl(url, Reason.REFUSED_ADDRESS, "a private or reserved address");
    }
    if (!scope.declares(uri)) {
      return new SkippedUrl(url, Reason.OFF_DOMAIN, "not under the site's domains");
    }
    if (!scope.rules().allows(uri)) {
      return new SkippedUrl(url, Reason.ROBOTS, "disallowed by robots.txt");
    }
    return null;
  }

  private void requested(String session, JsonNode params) {
    String url = params.path("request").path("url").asText();
    inFlight.add(session + "/" + params.path("requestId").asText());
    lastNetworkActivity = System.nanoTime();
    requestUrls
        .computeIfAbsent(
            session + "/" + params.path("requestId").asText(),
            k -> Collections.synchronizedList(new ArrayList<>()))
        .add(url);
    URI uri;
    try {
      uri = new URI(url);
    } catch (Exception notAnAddress) {
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !List.of("http", "https", "ws", "wss").contains(scheme)) {
      return;
    }
    firstUrlOfAuthority.putIfAbsent(
        AddressPolicy.authority(uri.getHost(), ScanScope.portOf(uri)), url);
    if (("/v1/sites/" + scope.siteKey() + "/banner.js").equals(uri.getPath())) {
      bannerRequested = true;
    }
  }

  private void answered(String session, JsonNode params) {
    JsonNode response = params.path("response");
    boolean proxyAnswered = false; // the proxy's own answer: the host was never contacted
    boolean refused = false;
    for (var header : (Iterable<Map.Entry<String, JsonNode>>) response.path("headers")::fields) {
      if (header.getKey().equalsIgnoreCase(ScanProxy.REFUSAL_HEADER)) {
        proxyAnswered = true;
        refused = "refused".equals(header.getValue().asText());
      }
    }
    URI uri = ScanScope.web(response.path("url").asText());
    if (uri != null && !proxyAnswered) {
      // A host counts as contacted once it answered; refused and blocked requests do not (the
      // proxy's refusals are taken out at the end: a browser may not show the proxy's headers).
      String host = ScanScope.hostOf(uri);
      if (!scope.domains().contains(host)) {
        thirdPartyHosts
            .computeIfAbsent(host, h -> ConcurrentHashMap.newKeySet())
            .add(AddressPolicy.authority(uri.getHost(), ScanScope.portOf(uri)));
      }
    }
    if (page.equals(session)
        && "Document".equals(params.path("type").asText())
        && mainFrame.equals(params.path("frameId").asText())) {
      lastDocument = new DocumentAnswer(response.path("url").asText(), refused);
    }
  }

  private void cookiesFromHttp(String session, JsonNode params) {
    String key = session + "/" + params.path("requestId").asText();
    int index = extraInfos.merge(key, 1, Integer::sum) - 1;
    List<String> urls = requestUrls.getOrDefault(key, List.of());
    String url;
    synchronized (urls) {
      url = urls.isEmpty() ? null : urls.get(Math.min(index, urls.size() - 1));
    }
    URI uri = url == null ? null : ScanScope.web(url);
    for (JsonNode blocked : params.path("blockedCookies")) {
      // The browser refused these (a Secure cookie over HTTP, a third-party cookie blocked...):
      // they are not in the jar at the end, so they are not reported.
      LOG.debugf(
          "Scan: %s refused by the browser from %s: %s",
          blocked.path("cookieLine").asText(), url, blocked.path("blockedReasons"));
    }
    for (var header : (Iterable<Map.Entry<String, JsonNode>>) params.path("headers")::fields) {
      if (!header.getKey().equalsIgnoreCase("set-cookie")) {
        continue;
      }
      for (String line : header.getValue().asText().split("\n")) {
        String pair = line.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = equals < 0 ? "" : pair.substring(0, equals).trim();
        sets.add(
            new CookieSet(
                name,
                ObservedCookie.SetBy.HTTP,
                url,
                uri == null ? null : uri.getHost(),
                currentPage));
      }
    }
  }

  private void cookieFromScript(JsonNode params) {
    if (!BINDING.equals(params.path("name").asText())) {
      return;
    }
    try {
      JsonNode payload = cdp.json().readTree(params.path("payload").asText());
      String script = payload.path("s").isTextual() ? payload.path("s").asText() : null;
      sets.add(
          new CookieSet(
              payload.path("n").asText(),
              ObservedCookie.SetBy.JAVASCRIPT,
              script,
              payload.path("h").asText(),
              currentPage));
    } catch (Exception unreadable) {
      // a page called the binding itself
    }
  }

  private void contextCreated(String session, JsonNode context) {
    if (context.path("auxData").path("isDefault").asBoolean(false)) {
      contexts.put(
          session + "/" + context.path("id").asInt(),
          new Context(session, context.path("id").asInt(), context.path("origin").asText()));
    }
  }

  /** What happened when the pass went to a page. */
  record Visit(String url, List<String> links, SkippedUrl skipped) {
    boolean loaded() {
      return skipped == null;
    }
  }

  /**
   * Loads {@code url} in the tab, waits for it to settle, and records what it stored. Never longer
   * than the page timeout, nor past {@code deadline}.
   */
  Visit visit(String url, Instant deadline) {
    currentPage = url;
    blockedNavigation = null;
    lastDocument = null;
    Instant pageDeadline = earliest(Instant.now().plus(scope.pageTimeout()), deadline);
    JsonNode navigation;
    try {
      navigation =
          cdp.call(page, "Page.navigate", cdp.params().put("url", url), until(pageDeadline));
    } catch (Cdp.CdpTimeout slow) {
      abandon();
      return timedOut(url);
    }
    String error = navigation.path("errorText").asText("");
    if (!error.isEmpty()) {
      SkippedUrl blocked = blockedNavigation;
      if (blocked != null) {
        return new Visit(url, List.of(), blocked);
      }
      URI uri = ScanScope.web(url);
      if (uri != null && scope.proxy().refused(uri.getHost(), ScanScope.portOf(uri))) {
        return new Visit(
            url,
            List.of(),
            new SkippedUrl(url, Reason.REFUSED_ADDRESS, "a private or reserved address"));
      }
      return new Visit(url, List.of(), new SkippedUrl(url, Reason.FAILED, error));
    }
    String loader = navigation.path("loaderId").asText("");
    if (!loader.isEmpty()
        && !await(() -> lifecycle.getOrDefault(loader, Set.of()).contains("load"), pageDeadline)) {
      abandon();
      return timedOut(url);
    }
    if (!loader.isEmpty()) {
      await(
          () -> lifecycle.getOrDefault(loader, Set.of()).contains("networkIdle"),
          earliest(Instant.now().plus(SETTLE_MAX), pageDeadline));
    }
    pause(SETTLE_MS);
    DocumentAnswer answer = lastDocument;
    URI landed = answer == null ? null : ScanScope.web(answer.url());
    if (answer != null
        && (answer.refusedByProxy()
            || (landed != null
                && scope.proxy().refused(landed.getHost(), ScanScope.portOf(landed))))) {
      return new Visit(
          url,
          List.of(),
          new SkippedUrl(answer.url(), Reason.REFUSED_ADDRESS, "a private or reserved address"));
    }
    visited.add(url);
    List<String> links = new ArrayList<>();
    try {
      JsonNode found = evaluate(page, null, LINKS);
      found.forEach(link -> links.add(link.asText()));
    } catch (RuntimeException e) {
      LOG.debugf("Scan: links of %s unreadable: %s", url, e.getMessage());
    }
    observe();
    return new Visit(url, links, null);
  }

  private Visit timedOut(String url) {
    return new Visit(
        url,
        List.of(),
        new SkippedUrl(
            url, Reason.TIMEOUT, "did not load in " + scope.pageTimeout().toSeconds() + "s"));
  }

  /** Stops a page that takes too long, so that the next one starts from a blank tab. */
  private void abandon() {
    try {
      cdp.call(page, "Page.stopLoading", cdp.params(), COMMAND);
      cdp.call(page, "Page.navigate", cdp.params().put("url", "about:blank"), COMMAND);
    } catch (RuntimeException e) {
      LOG.debugf("Scan: could not stop a page: %s", e.getMessage());
    }
  }

  /** Whether the page loaded the site's banner script from the platform. */
  boolean bannerRequested() {
    return bannerRequested;
  }

  /** Waits until the banner shows on the current page. */
  boolean bannerShown(Instant deadline) {
    return await(
        () -> {
          try {
            return evaluate(page, null, "!!document.querySelector('.cp-banner')").asBoolean(false);
          } catch (RuntimeException e) {
            return false;
          }
        },
        deadline);
  }

  /** Presses one of the banner's buttons ({@code reject_all}, {@code accept_all}). */
  boolean press(String action, Instant deadline) {
    if (!bannerShown(deadline)) {
      return false;
    }
    String click =
        "(() => { const b = document.querySelector('.cp-banner button[data-action=\"%s\"]');"
                .formatted(action)
            + " if (!b) return false; b.click(); return true; })()";
    boolean pressed = evaluate(page, null, click).asBoolean(false);
    // What the accepted scripts do happens now: wait until the network is quiet, as for a page.
    pause(SETTLE_MS);
    await(
        () -> inFlight.isEmpty() && System.nanoTime() - lastNetworkActivity > 500_000_000L,
        earliest(Instant.now().plus(SETTLE_MAX), deadline));
    pause(SETTLE_MS);
    observe();
    return pressed;
  }

  /** Records the cookies and storage present now that were not seen before. */
  private void observe() {
    for (Context context : List.copyOf(contexts.values())) {
      try {
        JsonNode found = evaluate(context.session(), context.id(), STORAGE);
        String origin = found.path("origin").asText("null");
        if ("null".equals(origin) || origin.isEmpty()) {
          continue;
        }
        record(found.path("local"), ObservedStorage.Kind.LOCAL_STORAGE, origin);
        record(found.path("session"), ObservedStorage.Kind.SESSION_STORAGE, origin);
        record(found.path("idb"), ObservedStorage.Kind.INDEXED_DB, origin);
      } catch (RuntimeException gone) {
        // a frame that went away while it was read
      }
    }
    for (JsonNode cookie : cookies()) {
      cookieFirstSeen.putIfAbsent(key(cookie), currentPage);
    }
  }

  private void record(JsonNode names, ObservedStorage.Kind kind, String origin) {
    names.forEach(
        name ->
            storageFirstSeen.putIfAbsent(new StorageKey(kind, origin, name.asText()), currentPage));
  }

  private JsonNode cookies() {
    return cdp.call(null, "Storage.getCookies", cdp.params(), COMMAND).path("cookies");
  }

  private JsonNode evaluate(String session, Integer context, String expression) {
    ObjectNode params =
        cdp.params()
            .put("expression", expression)
            .put("returnByValue", true)
            .put("awaitPromise", true);
    if (context != null) {
      params.put("contextId", context);
    }
    JsonNode answer = cdp.call(session, "Runtime.evaluate", params, Duration.ofSeconds(5));
    if (answer.has("exceptionDetails")) {
      throw new Cdp.CdpError(answer.path("exceptionDetails").path("text").asText());
    }
    return answer.path("result").path("value");
  }

  /** What this visitor saw: every cookie in the browser now, and what was recorded on the way. */
  PassObservations observations(Pass pass) {
    // Cookie writes still queued on the event thread are counted.
    try {
      events.submit(() -> {}).get(COMMAND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.debugf("Scan: events still queued: %s", e.toString());
    }
    List<ObservedCookie> cookies = new ArrayList<>();
    List<CookieSet> writes;
    synchronized (sets) {
      writes = List.copyOf(sets);
    }
    for (JsonNode cookie : cookies()) {
      CookieKey key = key(cookie);
      List<CookieSet> mine =
          writes.stream()
              .filter(
                  set -> set.name().equals(key.name()) && domainMatches(set.host(), key.domain()))
              .toList();
      Set<String> pages = new LinkedHashSet<>();
      String firstSeen = cookieFirstSeen.get(key);
      mine.forEach(set -> pages.add(set.page()));
      if (firstSeen != null) {
        pages.add(firstSeen);
      }
      List<String> ordered = visited.stream().filter(pages::contains).toList();
      CookieSet first = mine.isEmpty() ? null : mine.get(0);
      boolean session = cookie.path("session").asBoolean(false);
      double expires = cookie.path("expires").asDouble(-1);
      cookies.add(
          new ObservedCookie(
              key.name(),
              key.domain(),
              key.path(),
              session || expires <= 0 ? null : Instant.ofEpochMilli((long) (expires * 1000)),
              cookie.path("httpOnly").asBoolean(false),
              cookie.path("secure").asBoolean(false),
              cookie.hasNonNull("sameSite") ? cookie.get("sameSite").asText() : null,
              first == null ? ObservedCookie.SetBy.UNKNOWN : first.setBy(),
              first == null ? null : first.url(),
              ordered));
    }
    cookies.sort(
        Comparator.comparing(ObservedCookie::domain)
            .thenComparing(ObservedCookie::name)
            .thenComparing(ObservedCookie::path));
    List<ObservedStorage> storage = new ArrayList<>();
    storageFirstSeen.forEach(
        (key, seenOn) ->
            storage.add(
                new ObservedStorage(key.kind(), key.origin(), key.name(), List.of(seenOn))));
    storage.sort(
        Comparator.comparing(ObservedStorage::kind)
            .thenComparing(ObservedStorage::origin)
            .thenComparing(ObservedStorage::name));
    Set<String> refused = scope.proxy().refused();
    List<String> contacted =
        thirdPartyHosts.entrySet().stream()
            .filter(host -> !refused.containsAll(host.getValue()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    return new PassObservations(pass, List.copyOf(visited), cookies, storage, contacted);
  }

  /** Addresses the proxy refused while this pass ran, as the page asked for them. */
  List<SkippedUrl> refusedByProxy() {
    List<SkippedUrl> refused = new ArrayList<>();
    for (String authority : scope.proxy().refused()) {
      String url = firstUrlOfAuthority.getOrDefault(authority, "//" + authority);
      refused.add(new SkippedUrl(url, Reason.REFUSED_ADDRESS, "a private or reserved address"));
    }
    return refused;
  }

  private static boolean domainMatches(String host, String cookieDomain) {
    if (host == null) {
      return false;
    }
    String domain = cookieDomain.startsWith(".") ? cookieDomain.substring(1) : cookieDomain;
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals(domain) || name.endsWith("." + domain);
  }

  private static CookieKey key(JsonNode cookie) {
    return new CookieKey(
        cookie.path("name").asText(), cookie.path("domain").asText(), cookie.path("path").asText());
  }

  private static boolean await(BooleanSupplier condition, Instant deadline) {
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (!Instant.now().isBefore(deadline)) {
        return false;
      }
      pause(50);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.consentplatform.core.scan.ScanFailed("The scan was interrupted", e);
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Duration until(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ofMillis(1) : left;
  }

  @Override
  public void close() {
    events.shutdownNow();
  }
}
