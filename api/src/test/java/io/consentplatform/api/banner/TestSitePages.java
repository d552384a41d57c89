package io.consentplatform.api.banner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A tenant's website on loopback: pages that embed the banner script from the API (another origin,
 * as in real life) and carry blocked scripts of several categories.
 */
final class TestSitePages implements AutoCloseable {

  private final HttpServer server;
  private final String apiBase;

  TestSitePages(String apiBase) {
    this.apiBase = apiBase;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String siteKey = exchange.getRequestURI().getPath().substring(1);
          String query = String.valueOf(exchange.getRequestURI().getQuery());
          byte[] page =
              page(siteKey, query.equals("gpc"), query.equals("own-link"))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.getResponseHeaders().add("Cache-Control", "no-store");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    server.start();
  }

  /** The domain the site's pages are served under, as a tenant declares it. */
  String domain() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String url(String siteKey) {
    return "http://" + domain() + "/" + siteKey;
  }

  /** The page of {@code siteKey} in a browser that sends the Global Privacy Control signal. */
  String urlWithGpc(String siteKey) {
    return url(siteKey) + "?gpc";
  }

  /**
   * The page of {@code siteKey} with a "Do Not Sell" link of its own, left empty for the banner.
   */
  String urlWithOwnLink(String siteKey) {
    return url(siteKey) + "?own-link";
  }

  private String page(String siteKey, boolean gpc, boolean ownLink) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>A tenant's shop</title>
        <script>window.dataLayer = []; function gtag() { dataLayer.push(arguments); }</script>
        %s
        <script src="%s/v1/sites/%s/banner.js"></script>
        <script type="text/plain" data-category="statistics">
          document.cookie = "stats_ran=yes; path=/"; window.statsRan = true;
        </script>
        <script type="text/plain" data-category="marketing">window.marketingRan = true;</script>
        </head>
        <body>
        <h1>Welcome to the shop</h1>
        <p><button id="buy">Buy</button></p>
        <iframe title="Video" data-category="marketing" data-src="about:blank#video"></iframe>
        <footer><a href="#" id="settings" data-consent-open>Cookie settings</a>%s</footer>
        </body>
        </html>
        """
        .formatted(
            gpc
                ? "<script>Object.defineProperty(navigator, 'globalPrivacyControl',"
                    + " {value: true});</script>"
                : "",
            apiBase,
            siteKey,
            ownLink ? " <a href=\"#\" id=\"own-link\" data-consent-do-not-sell></a>" : "");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
