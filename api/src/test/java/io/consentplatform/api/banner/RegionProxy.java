package io.consentplatform.api.banner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CDN in front of the API, on loopback: it forwards every request and adds Cloudflare's region
 * headers for the visitor it pretends to see, as a real CDN does (the API trusts 127.0.0.1).
 */
final class RegionProxy implements AutoCloseable {

  // Hop-by-hop, or set by the client library itself.
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "content-length",
          "host",
          "expect",
          "upgrade",
          "keep-alive",
          "transfer-encoding",
          "cf-ipcountry",
          "cf-region-code");

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String upstream;
  private volatile String country;
  private volatile String subdivision;

  RegionProxy(String upstream) {
    this.upstream = upstream.replaceAll("/$", "");
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::forward);
    server.start();
  }

  /** From now on the visitor is in {@code country}, {@code subdivision} ("CA") or none (null). */
  void visitorIn(String country, String subdivision) {
    this.country = country;
    this.subdivision = subdivision;
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
          header.getValue().forEach(value -> request.header(header.getKey(), value));
        }
      }
      if (country != null) {
        request.header("CF-IPCountry", country);
      }
      if (subdivision != null) {
        request.header("CF-Region-Code", subdivision);
      }
      HttpResponse<byte[]> answer;
      try {
        answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      answer.headers().map().entrySet().stream()
          .filter(h -> !NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT)))
          .filter(h -> !h.getKey().startsWith(":"))
          .forEach(h -> exchange.getResponseHeaders().put(h.getKey(), h.getValue()));
      byte[] bytes = answer.body();
      boolean empty = bytes.length == 0 || "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : bytes.length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
