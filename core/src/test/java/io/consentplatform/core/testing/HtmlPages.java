package io.consentplatform.core.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * A tenant's website as a browser test needs it: HTML pages served on a free port, each made from
 * the request's address, never cached (a test changes its pages between visits).
 */
public final class HtmlPages implements AutoCloseable {

  private final HttpServer server;

  private HtmlPages(HttpServer server) {
    this.server = server;
  }

  /**
   * Serves on 127.0.0.1 (or, with {@code everyAddress}, on every address: Chromium may try a {@code
   * *.localhost} name on IPv6 loopback first) the page {@code page} makes of a request's address
   * and this server's port; a null page answers 404.
   */
  public static HtmlPages serve(boolean everyAddress, BiFunction<URI, Integer, String> page) {
    HttpServer server;
    try {
      server =
          HttpServer.create(
              everyAddress ? new InetSocketAddress(0) : new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int port = server.getAddress().getPort();
    server.createContext(
        "/",
        exchange -> {
          String html = page.apply(exchange.getRequestURI(), port);
          byte[] body = html == null ? new byte[0] : html.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.getResponseHeaders().add("Cache-Control", "no-store");
          exchange.sendResponseHeaders(html == null ? 404 : 200, html == null ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return new HtmlPages(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
