package io.consentplatform.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A tenant's page on loopback, another origin than the platform's, that embeds the banner. */
final class TenantPage implements AutoCloseable {

  private final HttpServer server;

  TenantPage(String platform) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String siteKey = exchange.getRequestURI().getPath().substring(1);
          byte[] page =
              """
              <!DOCTYPE html>
              <html lang="en">
              <head><meta charset="utf-8"><title>A tenant's page</title>
              <script src="%s/v1/sites/%s/banner.js"></script></head>
              <body><h1>Open data</h1></body>
              </html>
              """
                  .formatted(platform.replaceAll("/$", ""), siteKey)
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    server.start();
  }

  /** The domain the page is served under, as a tenant declares it. */
  String domain() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String url(String siteKey) {
    return "http://" + domain() + "/" + siteKey;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
