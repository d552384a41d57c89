package io.consentplatform.core.scan.browser;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * What a site tells crawlers: its {@code robots.txt} rules for the scanner's agent and its
 * sitemaps, read with crawler-commons and fetched through the scan's proxy like every other request
 * of the scan.
 */
final class SiteRules {

  private static final Logger LOG = Logger.getLogger(SiteRules.class);
  private static final int MAX_BYTES = 5 * 1024 * 1024;
  private static final int MAX_SITEMAPS = 20;

  /** How long HTTPS may still take once plain HTTP has answered on the same domain. */
  private static final Duration TLS_GRACE = Duration.ofSeconds(2);

  private final HttpClient http;
  private final String userAgent;
  private final List<String> robotNames;
  private final Duration timeout;
  private final Map<String, BaseRobotRules> robots = new ConcurrentHashMap<>();

  SiteRules(ScanProxy proxy, String userAgent, String robotsAgent, Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            .proxy(ProxySelector.of(proxy.address()))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
    this.userAgent = userAgent;
    this.robotNames = List.of(robotsAgent.toLowerCase(Locale.ROOT));
    this.timeout = timeout;
  }

  /**
   * The origin a declared domain is served at: {@code https://domain} when it answers there, else
   * {@code http://domain} when that answers; empty when neither does.
   *
   * <p>Both are asked at once. A server that speaks only plain HTTP on the port never answers a TLS
   * handshake (it waits for a request line), so once HTTP has answered, HTTPS gets a short grace
   * rather than the whole page timeout.
   */
  Optional<String> origin(String domain) {
    String secure = "https://" + domain;
    String plain = "http://" + domain;
    CompletableFuture<HttpResponse<byte[]>> overTls = getAsync(secure + "/robots.txt");
    CompletableFuture<HttpResponse<byte[]>> overHttp = getAsync(plain + "/robots.txt");
    long end = System.nanoTime() + timeout.toNanos();
    try {
      awaitUntil(CompletableFuture.anyOf(settled(overTls), settled(overHttp)), end);
      if (!answered(overTls) && answered(overHttp)) {
        awaitUntil(settled(overTls), Math.min(end, System.nanoTime() + TLS_GRACE.toNanos()));
      } else if (!answered(overTls)) {
        awaitUntil(CompletableFuture.allOf(settled(overTls), settled(overHttp)), end);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      overTls.cancel(true);
      overHttp.cancel(true);
    }
    for (var probe : List.of(Map.entry(secure, overTls), Map.entry(plain, overHttp))) {
      if (answered(probe.getValue())) {
        robots.put(probe.getKey(), parseRobots(probe.getKey(), probe.getValue().join()));
        return Optional.of(probe.getKey());
      }
      LOG.debugf("Scan: %s does not answer", probe.getKey());
    }
    return Optional.empty();
  }

  private static CompletableFuture<Object> settled(CompletableFuture<?> answer) {
    return answer.handle((value, failure) -> null);
  }

  private static boolean answered(CompletableFuture<?> answer) {
    return answer.isDone() && !answer.isCompletedExceptionally();
  }

  private static void awaitUntil(CompletableFuture<?> done, long deadline)
      throws InterruptedException {
    try {
      done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // what came in by then is what counts
    }
  }

  /** Whether the scanner may visit {@code url}; robots.txt is read once per origin. */
  boolean allows(URI url) {
    String origin = url.getScheme() + "://" + url.getRawAuthority();
    BaseRobotRules rules =
        robots.computeIfAbsent(
            origin,
            o -> {
              try {
                return parseRobots(o, get(o + "/robots.txt"));
              } catch (IOException e) {
                return new SimpleRobotRulesParser().failedFetch(404); // no file: no rule
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SimpleRobotRulesParser().failedFetch(503);
              }
            });
    return rules.isAllowed(url.toString());
  }

  /**
   * The page addresses of the origin's sitemaps, {@code /sitemap.xml} first then those its
   * robots.txt names, following sitemap indexes; at most {@code max} of them.
   */
  List<String> sitemapPages(String origin, int max) {
    Set<String> locations = new LinkedHashSet<>();
    locations.add(origin + "/sitemap.xml");
    BaseRobotRules rules = robots.get(origin);
    if (rules != null) {
      locations.addAll(rules.getSitemaps());
    }
    SiteMapParser parser = new SiteMapParser(false);
    Deque<String> toRead = new ArrayDeque<>(locations);
    Set<String> read = new LinkedHashSet<>();
    List<String> pages = new ArrayList<>();
    while (!toRead.isEmpty() && read.size() < MAX_SITEMAPS && pages.size() < max) {
      String location = toRead.poll();
      if (!read.add(location) || !location.startsWith(origin + "/")) {
        continue; // a sitemap elsewhere is another site's claim, not this one's
      }
      try {
        HttpResponse<byte[]> answer = get(location);
        if (answer.statusCode() != 200 || answer.body().length == 0) {
          continue;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("text/xml");
        AbstractSiteMap map = parser.parseSiteMap(type, answer.body(), new URL(location));
        if (map instanceof SiteMapIndex index) {
          for (AbstractSiteMap child : index.getSitemaps()) {
            toRead.add(child.getUrl().toString());
          }
        } else if (map instanceof SiteMap siteMap) {
          for (SiteMapURL url : siteMap.getSiteMapUrls()) {
            if (pages.size() < max) {
              pages.add(url.getUrl().toString());
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception unreadable) {
        LOG.debugf("Scan: sitemap %s unreadable: %s", location, unreadable.toString());
      }
    }
    return pages;
  }

  private BaseRobotRules parseRobots(String origin, HttpResponse<byte[]> answer) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    int status = answer.statusCode();
    if (status == 200) {
      String type = answer.headers().firstValue("Content-Type").orElse("text/plain");
      return parser.parseContent(origin + "/robots.txt", answer.body(), type, robotNames);
    }
    if (status == 403 && answer.headers().firstValue(ScanProxy.REFUSAL_HEADER).isPresent()) {
      return parser.failedFetch(404); // the proxy refused the host: the pages will be refused too
    }
    return parser.failedFetch(status);
  }

  private CompletableFuture<HttpResponse<byte[]>> getAsync(String url) {
    return http.sendAsync(request(url), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(
            answer -> {
              if (answer.body() != null && answer.body().length > MAX_BYTES) {
                throw new CompletionException(new IOException(url + " is too large"));
              }
              return answer;
            });
  }

  private HttpRequest request(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(timeout)
        .header("User-Agent", userAgent)
        .GET()
        .build();
  }

  private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> answer = http.send(request(url), HttpResponse.BodyHandlers.ofByteArray());
    if (answer.body() != null && answer.body().length > MAX_BYTES) {
      throw new IOException(url + " is too large");
    }
    return answer;
  }
}
