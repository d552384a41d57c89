package io.consentplatform.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tenant's website for scanner tests, served on loopback under two names: the shop ({@code
 * shop.localhost:<port>}, the site) and a tracker ({@code tracker.localhost:<port2>}, a third
 * party). Browsers and the scanner's proxy resolve {@code *.localhost} to loopback (RFC 6761).
 *
 * <p>What the shop does, page by page (everything a scan should find is written here once):
 *
 * <ul>
 *   <li>{@code /robots.txt}: disallows {@code /private} for {@value #ROBOTS_AGENT}, names {@code
 *       /sitemap.xml}.
 *   <li>{@code /sitemap.xml}: lists {@code /} and {@code /from-sitemap}, a page no link leads to.
 *   <li>{@code /}: the HTTP cookie {@code shop_session} (session, HttpOnly, SameSite=Lax); the
 *       script {@code /js/app.js} sets the cookie {@code ui_theme} (a day), the {@code
 *       localStorage} key {@code cart}, the {@code sessionStorage} key {@code tab_id} and the
 *       IndexedDB database {@code shop-db}; blocked scripts {@code /js/stats.js} (statistics:
 *       cookie {@code _stats_id}, a year) and {@code /js/ads.js} (marketing: cookie {@code
 *       _ads_id}, 90 days) run only once accepted in the banner. Links to every page below, to a
 *       PDF, to {@code https://elsewhere.example/} and a {@code mailto:}.
 *   <li>{@code /about}: a tracker frame ({@code /frame}: HTTP cookie {@code tp_uid} on the tracker,
 *       30 days, SameSite=None, Secure; {@code localStorage} key {@code tp_seen} of the tracker's
 *       origin) and the tracker's script {@code /collect.js}, which sets the first-party cookie
 *       {@code _tr_id} (an hour) whatever the visitor chose.
 *   <li>{@code /offers}: the script {@code /js/pixel.js} sets the marketing cookie {@code _fbp} (90
 *       days) before any consent, and after a refusal too.
 *   <li>{@code /from-sitemap}: the HTTP cookie {@code sitemap_visit} (an hour, path {@code
 *       /from-sitemap}).
 *   <li>{@code /private}: disallowed by robots.txt; sets {@code private_seen} if ever visited.
 *   <li>{@code /leave}: redirects to the tracker's {@code /landing}, off the site's domain.
 *   <li>{@code /slow}: answers after {@link #SLOW_SECONDS} seconds.
 * </ul>
 *
 * Every page embeds the platform's real banner ({@code {platform}/v1/sites/{key}/banner.js}). Every
 * request either server receives is kept ({@link #requests}), to prove what was not visited.
 */
public final class ScanFixtureSite implements AutoCloseable {

  public static final String ROBOTS_AGENT = "ConsentPlatformScanner";
  public static final int SLOW_SECONDS = 30;

  private final HttpServer shop;
  private final HttpServer tracker;
  private final ExecutorService threads = Executors.newCachedThreadPool(daemon());
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final String platform;
  private final String siteKey;

  /**
   * @param platform the platform's base address as browsers reach it, e.g. {@code
   *     http://localhost:8081}
   */
  public ScanFixtureSite(String platform, String siteKey) {
    this.platform = platform.replaceAll("/$", "");
    this.siteKey = siteKey;
    try {
      shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      tracker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    shop.setExecutor(threads);
    tracker.setExecutor(threads);
    shop.createContext("/", this::shop);
    tracker.createContext("/", this::tracker);
    shop.start();
    tracker.start();
  }

  /** The site's declared domain: {@code shop.localhost:<port>}. */
  public String domain() {
    return "shop.localhost:" + shop.getAddress().getPort();
  }

  /** The third party's host and port: {@code tracker.localhost:<port2>}. */
  public String trackerDomain() {
    return "tracker.localhost:" + tracker.getAddress().getPort();
  }

  public String url(String path) {
    return "http://" + domain() + path;
  }

  public String trackerUrl(String path) {
    return "http://" + trackerDomain() + path;
  }

  /** Every request received so far, as {@code host:port path}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Whether a request for {@code path} reached the server of {@code domain}. */
  public boolean requested(String domain, String path) {
    return requests.contains(domain + " " + path);
  }

  private void shop(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(domain() + " " + path);
    switch (path) {
      case "/robots.txt" ->
          send(
              exchange,
              200,
              "text/plain",
              """
              User-agent: %s
              Disallow: /private

              User-agent: *
              Disallow:

              Sitemap: %s
              """
                  .formatted(ROBOTS_AGENT, url("/sitemap.xml")));
      case "/sitemap.xml" ->
          send(
              exchange,
              200,
              "application/xml",
              """
              <?xml version="1.0" encoding="UTF-8"?>
              <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>%s</loc></url>
                <url><loc>%s</loc></url>
              </urlset>
              """
                  .formatted(url("/"), url("/from-sitemap")));
      case "/" -> {
        exchange
            .getResponseHeaders()
            .add("Set-Cookie", "shop_session=s1; Path=/; HttpOnly; SameSite=Lax");
        send(
            exchange,
            200,
            "text/html",
            page(
                "Home",
                """
                <script src="/js/app.js"></script>
                <script type="text/plain" data-category="statistics" src="/js/stats.js"></script>
                <script type="text/plain" data-category="marketing" src="/js/ads.js"></script>
                <ul>
                  <li><a href="/about">About</a></li>
                  <li><a href="/offers#today">Offers</a></li>
                  <li><a href="/private">Members</a></li>
                  <li><a href="/leave">Partner</a></li>
                  <li><a href="/slow">Archive</a></li>
                  <li><a href="/brochure.pdf">Brochure</a></li>
                  <li><a href="https://elsewhere.example/">Elsewhere</a></li>
                  <li><a href="mailto:shop@example.org">Mail us</a></li>
                </ul>
                <form action="/subscribe" method="post"><input name="email"><button>Go</button></form>
                """));
      }
      case "/about" ->
          send(
              exchange,
              200,
              "text/html",
              page(
                  "About",
                  """
                  <iframe title="Partner" src="%s"></iframe>
                  <script src="%s"></script>
                  <a href="/">Home</a>
                  """
                      .formatted(trackerUrl("/frame"), trackerUrl("/collect.js"))));
      case "/offers" ->
          send(
              exchange,
              200,
              "text/html",
              page("Offers", "<script src=\"/js/pixel.js\"></script><a href=\"/\">Home</a>"));
      case "/from-sitemap" -> {
        exchange
            .getResponseHeaders()
            .add("Set-Cookie", "sitemap_visit=1; Path=/from-sitemap; Max-Age=3600");
        send(exchange, 200, "text/html", page("Found through the sitemap", ""));
      }
      case "/private" -> {
        exchange.getResponseHeaders().add("Set-Cookie", "private_seen=1; Path=/");
        send(exchange, 200, "text/html", page("Members", ""));
      }
      case "/leave" -> {
        exchange.getResponseHeaders().add("Location", trackerUrl("/landing"));
        send(exchange, 302, "text/plain", "");
      }
      case "/slow" -> {
        try {
          Thread.sleep(SLOW_SECONDS * 1000L);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          exchange.close();
          return;
        }
        send(exchange, 200, "text/html", page("Archive", ""));
      }
      case "/js/app.js" ->
          send(
              exchange,
              200,
              "text/javascript",
              """
              document.cookie = 'ui_theme=dark; path=/; max-age=86400';
              localStorage.setItem('cart', '[]');
              sessionStorage.setItem('tab_id', '1');
              indexedDB.open('shop-db', 1);
              """);
      case "/js/stats.js" ->
          send(
              exchange,
              200,
              "text/javascript",
              "document.cookie = '_stats_id=s.1; path=/; max-age=31536000';");
      case "/js/ads.js" ->
          send(
              exchange,
              200,
              "text/javascript",
              "document.cookie = '_ads_id=a.1; path=/; max-age=7776000';");
      case "/js/pixel.js" ->
          send(
              exchange,
              200,
              "text/javascript",
              "document.cookie = '_fbp=fb.1.1.1; path=/; max-age=7776000';");
      default -> send(exchange, 404, "text/plain", "not found");
    }
  }

  private void tracker(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(trackerDomain() + " " + path);
    switch (path) {
      case "/frame" -> {
        exchange
            .getResponseHeaders()
            .add("Set-Cookie", "tp_uid=t1; Path=/; Max-Age=2592000; SameSite=None; Secure");
        send(
            exchange,
            200,
            "text/html",
            "<!DOCTYPE html><title>Partner</title>"
                + "<script>localStorage.setItem('tp_seen', '1');</script><p>Partner</p>");
      }
      case "/collect.js" ->
          send(
              exchange,
              200,
              "text/javascript",
              "document.cookie = '_tr_id=r.1; path=/; max-age=3600';");
      default -> send(exchange, 404, "text/plain", "not found");
    }
  }

  private String page(String title, String body) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>%s</title>
        <script src="%s/v1/sites/%s/banner.js"></script>
        </head>
        <body>
        <h1>%s</h1>
        %s
        </body>
        </html>
        """
        .formatted(title, platform, siteKey, title, body);
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "scan-fixture");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    shop.stop(0);
    tracker.stop(0);
    threads.shutdownNow();
  }
}
